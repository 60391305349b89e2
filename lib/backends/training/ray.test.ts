import { afterEach, describe, expect, it } from "vitest";
import { parseTrainingBackendConfig, type RayBackendConfig } from "@/lib/backends/config";
import { TrainingJobLostError } from "@/lib/backends/errors";
import { inSequence, routes, startScriptedServer, type Handler, type ScriptedServer } from "@/lib/backends/testing/scripted-server";
import { RayJobsBackend } from "@/lib/backends/training/ray";
import type { TrainingJobSpec } from "@/lib/backends/training/types";

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function rayAt(handler: Handler, overrides: Record<string, unknown> = {}) {
  const server = await startScriptedServer(handler);
  servers.push(server);
  const config = parseTrainingBackendConfig({
    kind: "ray",
    baseUrl: `${server.url}/`,
    retries: { max: 2, baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  }) as RayBackendConfig;
  return { server, ray: new RayJobsBackend(config) };
}

const spec: TrainingJobSpec = {
  submissionId: "vstar-cycA-c1",
  cycleIndex: 1,
  configPath: "/shared/runs/cycle 1/train.yaml",
  outputDir: "/shared/runs/cycle 1/adapter",
};

describe("RayJobsBackend.submit", () => {
  it("posts the LLaMA-Factory entrypoint with the cycle's metadata as strings", async () => {
    const { server, ray } = await rayAt(inSequence({ body: { job_id: "vstar-cycA-c1", submission_id: "vstar-cycA-c1" } }), {
      kind: "simulator-ray",
      entrypointNumGpus: 4,
      authToken: "proxy-token",
      runtimeEnv: { env_vars: { HF_HOME: "/shared/hf" }, pip: ["llamafactory==0.9.3"] },
    });
    expect(ray.kind).toBe("simulator-ray");
    await expect(ray.submit({ ...spec, workingDirectory: "/shared/runs", env: { EXTRA: "1" } })).resolves.toEqual({
      jobId: "vstar-cycA-c1",
    });

    const [sent] = server.requests;
    expect(sent?.path).toBe("/api/jobs/");
    expect(sent?.headers.authorization).toBe("Bearer proxy-token");
    expect(sent?.json).toEqual({
      entrypoint: "cd /shared/runs && llamafactory-cli train '/shared/runs/cycle 1/train.yaml'",
      submission_id: "vstar-cycA-c1",
      runtime_env: {
        pip: ["llamafactory==0.9.3"],
        env_vars: { HF_HOME: "/shared/hf", VSTAR_CYCLE_INDEX: "1", VSTAR_OUTPUT_DIR: "/shared/runs/cycle 1/adapter", EXTRA: "1" },
      },
      metadata: { vstar_cycle_index: "1", vstar_output_dir: "/shared/runs/cycle 1/adapter", vstar_submission_id: "vstar-cycA-c1" },
      entrypoint_num_gpus: 4,
    });
  });

  it("carries the number of exported training examples in the metadata", async () => {
    const { server, ray } = await rayAt(inSequence({ body: { job_id: "vstar-cycA-c1", submission_id: "vstar-cycA-c1" } }));
    await ray.submit({ ...spec, examples: 37 });
    expect(server.requests[0]?.json).toMatchObject({ metadata: { vstar_num_examples: "37" } });
  });

  it.each([
    [400, "ValueError: Job with submission_id vstar-cycA-c1 already exists. Please use a different submission_id."],
    [409, "Job with submission_id vstar-cycA-c1 already exists"],
    [500, "RuntimeError: Request failed with status code 400: ... already exists. Please use a different submission_id."],
  ])("treats %i 'already exists' as submitted (a retried submit is idempotent)", async (status, body) => {
    const { server, ray } = await rayAt(inSequence({ status, body }));
    await expect(ray.submit(spec)).resolves.toEqual({ jobId: "vstar-cycA-c1" });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 503, then submits once", async () => {
    const { server, ray } = await rayAt(
      inSequence({ status: 503, body: "No available agent to submit job" }, { body: { job_id: "vstar-cycA-c1" } }),
    );
    await expect(ray.submit(spec)).resolves.toEqual({ jobId: "vstar-cycA-c1" });
    expect(server.requests).toHaveLength(2);
  });

  it("refuses an invalid spec before calling Ray, naming the field", async () => {
    const { server, ray } = await rayAt(inSequence({ body: { job_id: "x" } }));
    await expect(ray.submit({ ...spec, configPath: "relative/train.yaml" })).rejects.toThrow(/configPath: must be an absolute path/);
    await expect(ray.submit({ ...spec, submissionId: "has spaces" })).rejects.toThrow(/submissionId/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("RayJobsBackend.status, logs, cancel", () => {
  it.each([
    ["PENDING", "pending"],
    ["RUNNING", "running"],
    ["SUCCEEDED", "succeeded"],
    ["FAILED", "failed"],
    ["STOPPED", "cancelled"],
  ])("maps %s to %s", async (rayStatus, state) => {
    const { server, ray } = await rayAt(inSequence({ body: { submission_id: "s1", status: rayStatus, message: `Job is ${rayStatus}` } }));
    expect(await ray.status("s1")).toEqual({ state, message: `Job is ${rayStatus}` });
    expect(server.requests[0]?.path).toBe("/api/jobs/s1");
  });

  it("reports an unknown status as a malformed reply", async () => {
    const { ray } = await rayAt(inSequence({ body: { status: "EXPLODED" } }), { retries: 0 });
    await expect(ray.status("s1")).rejects.toThrow(/malformed reply.*status/);
  });

  it("reports a job the head no longer knows (404) as lost, without retrying", async () => {
    const { server, ray } = await rayAt(inSequence({ status: 404, body: "Job s9 does not exist" }));
    const error = await ray.status("s9").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingJobLostError);
    expect(error).toMatchObject({ jobId: "s9", message: expect.stringContaining("Job s9 does not exist") });
    expect(server.requests).toHaveLength(1);
  });

  it("reads logs and stops the job (stopping a finished job is fine)", async () => {
    const { server, ray } = await rayAt(
      routes({
        "GET /api/jobs/s1/logs": () => ({ body: { logs: "epoch 1\nloss 0.9\n" } }),
        "POST /api/jobs/s1/stop": () => ({ body: { stopped: false } }),
      }),
    );
    expect(await ray.logs("s1")).toBe("epoch 1\nloss 0.9\n");
    await expect(ray.cancel("s1")).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/jobs/s1/logs", "POST /api/jobs/s1/stop"]);
  });
});
