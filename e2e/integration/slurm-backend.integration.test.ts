import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, inject, test } from "vitest";
import { buildDatasetInfo, buildLlamaFactoryConfig, parseTrainingBackendConfig, type SlurmBackendConfig } from "@/lib/backends";
import { SlurmBackend } from "@/lib/backends/training/slurm";
import type { TrainingJobSpec, TrainingState, TrainingStatus } from "@/lib/backends/training/types";
import { occupyNode } from "./slurm-cluster";

const cluster = inject("slurm");
const run = `it-${Date.now().toString(36)}`;
const runDir = path.join(cluster.jobsDir, run);
/** A folder the job user may write in. */
function sharedFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o1777);
  return dir;
}
sharedFolder(runDir);

function backend(settings: Record<string, unknown> = {}): SlurmBackend {
  const config = parseTrainingBackendConfig({
    kind: "slurm",
    baseUrl: cluster.url,
    userName: cluster.userName,
    userToken: cluster.token,
    workingDirectory: cluster.jobsDir,
    llamafactoryCli: cluster.llamafactoryCli,
    gpusPerNode: 0,
    timeLimitMinutes: 10,
    sharedFilesystem: true,
    retries: { max: 2, baseDelayMs: 100, maxDelayMs: 500 },
    ...settings,
  }) as SlurmBackendConfig;
  return new SlurmBackend(config);
}

const slurm = backend();

/** A training run's files as the cycle writes them: dataset, dataset_info.json and the YAML. */
function trainingFiles(name: string, examples = 6): TrainingJobSpec {
  const dir = sharedFolder(path.join(runDir, name));
  const records = Array.from({ length: examples }, (_, i) => ({
    messages: [
      { role: "user", content: `<video>\nWhat is the person doing? (${i})` },
      { role: "assistant", content: "The person is juggling balls." },
    ],
    videos: [`/media/clip-${i}.mp4`],
  }));
  writeFileSync(path.join(dir, "vstar_it.json"), JSON.stringify(records));
  writeFileSync(path.join(dir, "dataset_info.json"), JSON.stringify(buildDatasetInfo([{ name: "vstar_it", fileName: "vstar_it.json" }])));
  const outputDir = path.join(dir, "adapter");
  const configPath = path.join(dir, "train.yaml");
  writeFileSync(
    configPath,
    buildLlamaFactoryConfig({
      modelNameOrPath: "Qwen/Qwen2.5-VL-7B-Instruct",
      template: "qwen2_vl",
      datasets: ["vstar_it"],
      datasetDir: dir,
      outputDir,
      worldSize: 1,
      video: { fps: 2, maxFrames: 16 },
      hyperparameters: {},
    }),
  );
  return { submissionId: `${run}-${name}`, cycleIndex: 1, configPath, outputDir };
}

/** Polls a job until it settles, keeping each state it was seen in (in order, without repeats). */
async function follow(jobId: string, client = slurm, timeoutMs = 90_000): Promise<{ seen: TrainingState[]; last: TrainingStatus }> {
  const seen: TrainingState[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await client.status(jobId);
    if (seen[seen.length - 1] !== status.state) seen.push(status.state);
    if (["succeeded", "failed", "cancelled"].includes(status.state)) return { seen, last: status };
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${status.state} after ${timeoutMs} ms`);
    await sleep(150);
  }
}

let release: (() => void) | undefined;
afterAll(() => release?.());

describe("the Slurm client against slurmrestd 22.05", () => {
  test("speaks the newest API version the server serves", async () => {
    expect(await slurm.apiVersion()).toBe("v0.0.38");
  });

  test("a training job waits, runs and completes; its log and adapter are where the cycle looks", async () => {
    release = await occupyNode();
    const spec = trainingFiles("ok");
    const { jobId } = await slurm.submit(spec);
    expect(jobId).toMatch(/^\d+$/);
    const waiting = await slurm.status(jobId);
    expect(waiting.state).toBe("pending");
    expect(waiting.message).toMatch(/^PENDING: (Resources|Priority)/);
    // Submitting again (a retried stage) finds the same job instead of starting a second one.
    expect(await slurm.submit(spec)).toEqual({ jobId });

    release();
    release = undefined;
    const { seen, last } = await follow(jobId);
    expect(seen).toEqual(["pending", "running", "succeeded"]);
    expect(last).toEqual({ state: "succeeded", message: "COMPLETED" });

    const log = await slurm.logs(jobId);
    expect(log).toContain("***** Running training *****");
    expect(log).toContain("Num examples = 6");
    expect(log.trim().split("\n").pop()).toMatch(/Saving model checkpoint to .*\/ok\/adapter$/);
    expect(readdirSync(spec.outputDir).sort()).toEqual(["adapter_config.json", "adapter_model.safetensors", "trainer_log.jsonl"]);
    expect(JSON.parse(readFileSync(path.join(spec.outputDir, "adapter_config.json"), "utf8"))).toMatchObject({ peft_type: "LORA" });
  });

  test("a running job is cancelled, and cancelling it again is not an error", async () => {
    const { jobId } = await slurm.submit({ ...trainingFiles("cancel"), env: { VSTAR_STANDIN_SECONDS: "300" } });
    for (let i = 0; (await slurm.status(jobId)).state !== "running"; i++) {
      if (i > 200) throw new Error(`job ${jobId} never ran`);
      await sleep(100);
    }
    await sleep(500);
    expect(await slurm.logs(jobId)).toContain("***** Running training *****");
    await slurm.cancel(jobId);
    const { last } = await follow(jobId);
    expect(last.state).toBe("cancelled");
    expect(last.message).toMatch(/^CANCELLED/);
    await expect(slurm.cancel(jobId)).resolves.toBeUndefined();
  });

  test("a failed job says why, and its log shows the error", async () => {
    const spec = trainingFiles("fail");
    const { jobId } = await slurm.submit({ ...spec, env: { VSTAR_STANDIN_FAIL: "1" } });
    const { seen, last } = await follow(jobId);
    expect(seen[seen.length - 1]).toBe("failed");
    expect(last).toEqual({ state: "failed", message: "FAILED: NonZeroExitCode (exit code 3)" });
    expect(await slurm.logs(jobId)).toContain("torch.OutOfMemoryError: CUDA out of memory");
    expect(existsSync(path.join(spec.outputDir, "adapter_config.json"))).toBe(false);
  });

  test("a trainer that cannot start (its YAML is missing) fails the job with the reason in the log", async () => {
    const { jobId } = await slurm.submit({ ...trainingFiles("missing"), configPath: path.join(runDir, "nowhere.yaml") });
    const { last } = await follow(jobId);
    expect(last).toEqual({ state: "failed", message: "FAILED: NonZeroExitCode (exit code 1)" });
    expect(await slurm.logs(jobId)).toMatch(/FileNotFoundError: .*nowhere\.yaml/);
  });

  test("Slurm's refusals come back as errors that say what is wrong", async () => {
    await expect(slurm.status("999999")).rejects.toThrow(
      "Slurm knows no job 999999: Unable to find JobId=999999 (Invalid job id specified)",
    );
    await expect(backend({ partition: "a100" }).submit(trainingFiles("partition"))).rejects.toThrow(
      /Slurm accepted no job for .*-partition: Invalid partition name specified/,
    );
    await expect(backend({ apiVersion: "v0.0.40" }).status("1")).rejects.toThrow(
      /does not serve GET \/slurm\/v0\.0\.40\/job\/1: API v0\.0\.40 \(pinned by the backend's apiVersion setting\)/,
    );
    await expect(backend({ userToken: "not-a-token" }).status("1")).rejects.toThrow(/a wrong or expired userToken is answered this way/);
  });

  test("without the cluster's filesystem the log is not read but located", async () => {
    const elsewhere = backend({ sharedFilesystem: false });
    await expect(elsewhere.logs("1")).rejects.toThrow(`(in ${cluster.jobsDir}, as <job name>-1.log)`);
  });
});
