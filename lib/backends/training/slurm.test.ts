import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrainingBackendConfig, type SlurmBackendConfig } from "@/lib/backends/config";
import { type HttpStatusError, TrainingBackendError, TrainingJobLostError } from "@/lib/backends/errors";
import { inSequence, routes, startScriptedServer, type Handler, type ScriptedServer } from "@/lib/backends/testing/scripted-server";
import { expandSlurmFilename, fileTailReader } from "@/lib/backends/training/log-reader";
import { SlurmBackend, type SlurmBackendDeps } from "@/lib/backends/training/slurm";
import { slurmTrainingStatus } from "@/lib/backends/training/slurm-state";
import type { TrainingJobSpec } from "@/lib/backends/training/types";

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function slurmAt(handler: Handler, overrides: Record<string, unknown> = {}, deps: SlurmBackendDeps = {}) {
  const server = await startScriptedServer(handler);
  servers.push(server);
  const config = parseTrainingBackendConfig({
    kind: "slurm",
    baseUrl: server.url,
    userName: "vstar",
    userToken: "jwt-token",
    workingDirectory: "/shared/vstar",
    retries: { max: 2, baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  }) as SlurmBackendConfig;
  return { server, slurm: new SlurmBackend(config, deps) };
}

const spec: TrainingJobSpec = {
  submissionId: "vstar-cycA-c1",
  cycleIndex: 1,
  configPath: "/shared/vstar/cycle-1/train.yaml",
  outputDir: "/shared/vstar/cycle-1/adapter",
};

const job = (fields: Record<string, unknown>) => ({
  job_id: 77,
  name: "vstar-cycA-c1",
  user_name: "vstar",
  job_state: ["RUNNING"],
  ...fields,
});

describe("SlurmBackend.submit", () => {
  it("submits a batch script running llamafactory-cli, authenticated on every request", async () => {
    const { server, slurm } = await slurmAt(
      routes({
        "GET /slurm/v0.0.41/jobs": () => ({ body: { jobs: [], errors: [] } }),
        "POST /slurm/v0.0.41/job/submit": () => ({ body: { job_id: 77, step_id: "batch", errors: [], warnings: [] } }),
      }),
      { partition: "a100", gpusPerNode: 4, timeLimitMinutes: 720, environment: { HF_HOME: "/shared/hf" } },
    );
    await expect(slurm.submit({ ...spec, env: { WANDB_DISABLED: "true" } })).resolves.toEqual({ jobId: "77" });

    for (const request of server.requests) {
      expect(request.headers["x-slurm-user-name"]).toBe("vstar");
      expect(request.headers["x-slurm-user-token"]).toBe("jwt-token");
    }
    const submitted = server.requests[1]?.json;
    expect(submitted).toEqual({
      job: {
        script: "#!/bin/bash\nset -euo pipefail\nexec llamafactory-cli train /shared/vstar/cycle-1/train.yaml\n",
        environment: [
          "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "HF_HOME=/shared/hf",
          "VSTAR_CYCLE_INDEX=1",
          "VSTAR_OUTPUT_DIR=/shared/vstar/cycle-1/adapter",
          "WANDB_DISABLED=true",
        ],
        current_working_directory: "/shared/vstar",
        name: "vstar-cycA-c1",
        standard_output: "/shared/vstar/vstar-cycA-c1-%j.log",
        partition: "a100",
        tres_per_node: "gres/gpu:4",
        time_limit: { set: true, infinite: false, number: 720 },
      },
    });
  });

  it("returns the job already submitted under the same name and user instead of submitting twice", async () => {
    const { server, slurm } = await slurmAt(
      routes({
        "GET /slurm/v0.0.41/jobs": () => ({
          body: {
            jobs: [
              job({ job_id: 70, user_name: "alice" }),
              job({ job_id: 71, job_state: ["FAILED"] }),
              job({ job_id: 75, job_state: ["PENDING"] }),
              job({ job_id: 80, name: "something-else" }),
            ],
          },
        }),
      }),
    );
    await expect(slurm.submit(spec)).resolves.toEqual({ jobId: "75" });
    expect(server.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  it("skips the lookup when dedupeByName is off, and reads v0.0.40's nested result", async () => {
    const { server, slurm } = await slurmAt(inSequence({ body: { result: { job_id: 91 } } }), { dedupeByName: false });
    await expect(slurm.submit(spec)).resolves.toEqual({ jobId: "91" });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /slurm/v0.0.41/job/submit"]);
  });

  it("explains a submission Slurm did not accept", async () => {
    const { slurm } = await slurmAt(
      inSequence({ body: { errors: [{ description: "Invalid partition name specified", error_number: 2015 }] } }),
      { dedupeByName: false },
    );
    const error = await slurm.submit(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingBackendError);
    expect((error as Error).message).toContain("Invalid partition name specified");
  });

  it("retries a 502 from slurmrestd, and does not retry a 401", async () => {
    const flaky = await slurmAt(inSequence({ status: 502 }, { body: { job_id: 5 } }), { dedupeByName: false });
    await expect(flaky.slurm.submit(spec)).resolves.toEqual({ jobId: "5" });
    expect(flaky.server.requests).toHaveLength(2);

    const denied = await slurmAt(inSequence({ status: 401, body: "Authentication failure" }), { dedupeByName: false });
    const error = await denied.slurm.submit(spec).catch((e: unknown) => e);
    expect((error as HttpStatusError).status).toBe(401);
    expect(denied.server.requests).toHaveLength(1);
  });
});

describe("SlurmBackend.status", () => {
  it.each([
    [["PENDING"], "pending"],
    [["RUNNING"], "running"],
    [["COMPLETED"], "succeeded"],
    [["COMPLETED", "COMPLETING"], "running"],
    [["FAILED"], "failed"],
    [["CANCELLED"], "cancelled"],
    [["TIMEOUT"], "failed"],
    [["NODE_FAIL"], "failed"],
    [["OUT_OF_MEMORY"], "failed"],
    [["PENDING", "REQUEUED"], "pending"],
    ["COMPLETED", "succeeded"],
    ["RUNNING", "running"],
    ["CANCELLED by 1001", "cancelled"],
  ])("maps job_state %j to %s", async (jobState, state) => {
    const { server, slurm } = await slurmAt(inSequence({ body: { jobs: [job({ job_state: jobState })] } }));
    expect((await slurm.status("77")).state).toBe(state);
    expect(server.requests[0]?.path).toBe("/slurm/v0.0.41/job/77");
  });

  it("says why a job failed", () => {
    expect(slurmTrainingStatus(job({ job_state: ["TIMEOUT"], state_reason: "TimeLimit" }) as never)).toEqual({
      state: "failed",
      message: "TIMEOUT: TimeLimit",
    });
  });

  it("refuses an unknown state rather than guessing", async () => {
    const { slurm } = await slurmAt(inSequence({ body: { jobs: [job({ job_state: ["TELEPORTED"] })] } }));
    await expect(slurm.status("77")).rejects.toThrow(/unknown state \["TELEPORTED"\]/);
  });

  it("reports a job Slurm no longer knows as lost, whether as an empty list or an error status", async () => {
    const { slurm } = await slurmAt(inSequence({ body: { jobs: [], errors: [{ description: "Invalid job id specified" }] } }));
    const error = await slurm.status("999").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingJobLostError);
    expect((error as Error).message).toMatch(/no job 999: Invalid job id specified/);
    const refused = await slurmAt(
      inSequence({ status: 500, body: { jobs: [], errors: [{ error: "Invalid job id specified", error_number: 2017 }] } }),
    );
    await expect(refused.slurm.status("998")).rejects.toBeInstanceOf(TrainingJobLostError);
  });
});

describe("SlurmBackend.logs", () => {
  it("reads the job's standard_output through the injected reader, expanding %j and %x", async () => {
    const read: string[] = [];
    const { slurm } = await slurmAt(
      inSequence({ body: { jobs: [job({ standard_output: "/shared/vstar/%x-%j.log" })] } }),
      {},
      {
        readLog: async (path) => {
          read.push(path);
          return "training…";
        },
      },
    );
    expect(await slurm.logs("77")).toBe("training…");
    expect(read).toEqual(["/shared/vstar/vstar-cycA-c1-77.log"]);
  });

  it("returns nothing when the job has no output file", async () => {
    const { slurm } = await slurmAt(inSequence({ body: { jobs: [job({})] } }), {}, { readLog: async () => "unexpected" });
    expect(await slurm.logs("77")).toBe("");
  });

  it("reads the tail of a real file, and nothing for a file not written yet", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vstar-slurm-log-"));
    try {
      const file = join(dir, "job.log");
      writeFileSync(file, "0123456789abcdef");
      expect(await fileTailReader(6)(file)).toBe("abcdef");
      expect(await fileTailReader()(file)).toBe("0123456789abcdef");
      expect(await fileTailReader()(join(dir, "missing.log"))).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("expands the sbatch filename patterns", () => {
    expect(expandSlurmFilename("/l/%x_%j_%A_%u_100%%.out", { jobId: 5, name: "n", userName: "u" })).toBe("/l/n_5_5_u_100%.out");
    expect(expandSlurmFilename("/l/%N.out", { jobId: 5 })).toBe("/l/%N.out");
  });
});

describe("SlurmBackend.cancel", () => {
  it("deletes the job", async () => {
    const { server, slurm } = await slurmAt(inSequence({ body: { errors: [], warnings: [] } }));
    await slurm.cancel("77");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["DELETE /slurm/v0.0.41/job/77"]);
  });

  it("accepts cancelling a job that already ended", async () => {
    const { slurm } = await slurmAt(
      inSequence({ status: 500, body: { errors: [{ description: "Job/step already completing or completed", error_number: 2021 }] } }),
    );
    await expect(slurm.cancel("77")).resolves.toBeUndefined();
  });

  it("reports any other refusal", async () => {
    const { slurm } = await slurmAt(inSequence({ body: { errors: [{ description: "Access/permission denied", error_number: 2002 }] } }));
    await expect(slurm.cancel("77")).rejects.toThrow(/refused to cancel job 77: Access\/permission denied/);
  });
});
