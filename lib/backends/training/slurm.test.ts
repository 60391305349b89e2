import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrainingBackendConfig, type SlurmBackendConfig } from "@/lib/backends/config";
import { type HttpStatusError, TrainingBackendError, TrainingJobLostError } from "@/lib/backends/errors";
import { inSequence, routes, startScriptedServer, type Handler, type ScriptedServer } from "@/lib/backends/testing/scripted-server";
import { expandSlurmFilename, fileTailReader } from "@/lib/backends/training/log-reader";
import { SlurmBackend, type SlurmBackendDeps } from "@/lib/backends/training/slurm";
import { slurmJobsReplySchema, type SlurmApiVersion } from "@/lib/backends/training/slurm-protocol";
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
    apiVersion: "v0.0.41",
    sharedFilesystem: true,
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

/** One job record of `version` decoded the way the client decodes replies. */
function view(version: SlurmApiVersion, fields: Record<string, unknown>) {
  const reply = slurmJobsReplySchema(version).parse({ jobs: [{ job_id: 77, ...fields }] });
  return reply.jobs[0] as NonNullable<(typeof reply.jobs)[0]>;
}

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
    ["v0.0.41", ["PENDING"], "pending"],
    ["v0.0.41", ["RUNNING"], "running"],
    ["v0.0.41", ["COMPLETED"], "succeeded"],
    ["v0.0.41", ["COMPLETED", "COMPLETING"], "running"],
    ["v0.0.41", ["FAILED"], "failed"],
    ["v0.0.41", ["CANCELLED"], "cancelled"],
    ["v0.0.41", ["TIMEOUT"], "failed"],
    ["v0.0.41", ["NODE_FAIL"], "failed"],
    ["v0.0.41", ["OUT_OF_MEMORY"], "failed"],
    ["v0.0.41", ["PENDING", "REQUEUED"], "pending"],
    ["v0.0.38", "COMPLETED", "succeeded"],
    ["v0.0.38", "RUNNING", "running"],
    ["v0.0.39", "CANCELLED", "cancelled"],
  ] as const)("%s: maps job_state %j to %s", async (apiVersion, jobState, state) => {
    const { server, slurm } = await slurmAt(inSequence({ body: { jobs: [job({ job_state: jobState })] } }), { apiVersion });
    expect((await slurm.status("77")).state).toBe(state);
    expect(server.requests[0]?.path).toBe(`/slurm/${apiVersion}/job/77`);
  });

  it("takes a state of the wrong shape for the version as a malformed reply", async () => {
    const { slurm } = await slurmAt(inSequence({ body: { jobs: [job({ job_state: "RUNNING" })] } }), { retries: 0 });
    await expect(slurm.status("77")).rejects.toThrow(/malformed reply .*job_state/);
  });

  it("says why a job failed", () => {
    expect(slurmTrainingStatus(view("v0.0.41", { job_state: ["TIMEOUT"], state_reason: "TimeLimit" }))).toEqual({
      state: "failed",
      message: "TIMEOUT: TimeLimit",
    });
  });

  it.each([
    ["COMPLETING", "running"],
    ["CONFIGURING", "running"],
    ["REQUEUED", "pending"],
    ["SPECIAL_EXIT", "failed"],
    ["PENDING", "pending"],
  ])("reads v0.0.38's lone state word %s as %s", (jobState, state) => {
    expect(slurmTrainingStatus(view("v0.0.38", { job_state: jobState })).state).toBe(state);
  });

  it("gives the exit code or the signal that ended a job, whatever the version's exit_code shape", () => {
    // v0.0.38: the raw wait status (3 << 8 = exit code 3; 15 = SIGTERM).
    expect(slurmTrainingStatus(view("v0.0.38", { job_state: "FAILED", state_reason: "NonZeroExitCode", exit_code: 768 }))).toEqual({
      state: "failed",
      message: "FAILED: NonZeroExitCode (exit code 3)",
    });
    expect(slurmTrainingStatus(view("v0.0.38", { job_state: "CANCELLED", exit_code: 15 })).message).toBe("CANCELLED (ended by signal 15)");
    // v0.0.39: the same wait status in {set, infinite, number}.
    expect(
      slurmTrainingStatus(view("v0.0.39", { job_state: "FAILED", exit_code: { set: true, infinite: false, number: 256 } })).message,
    ).toBe("FAILED (exit code 1)");
    // v0.0.40 on: decoded.
    const verbose = (return_code: number, signal: number | undefined) => ({
      status: [signal ? "SIGNALED" : "ERROR"],
      return_code: { set: true, infinite: false, number: return_code },
      signal: { id: { set: signal !== undefined, infinite: false, number: signal ?? 0 }, name: signal ? "KILL" : "" },
    });
    expect(slurmTrainingStatus(view("v0.0.42", { job_state: ["FAILED"], exit_code: verbose(2, undefined) })).message).toBe(
      "FAILED (exit code 2)",
    );
    expect(slurmTrainingStatus(view("v0.0.41", { job_state: ["CANCELLED"], exit_code: verbose(0, 9) })).message).toBe(
      "CANCELLED (ended by signal 9)",
    );
    // An exit_code in a shape the version does not promise is ignored, not fatal.
    expect(slurmTrainingStatus(view("v0.0.42", { job_state: ["FAILED"], exit_code: 768 }))).toEqual({ state: "failed", message: "FAILED" });
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

/** An OpenAPI description listing these paths, the way slurmrestd lists them. */
const describing = (...paths: string[]) => ({ body: { openapi: "3.0.3", paths: Object.fromEntries(paths.map((path) => [path, {}])) } });

describe("SlurmBackend API version", () => {
  it("speaks the newest version both sides know, asking the server once", async () => {
    const { server, slurm } = await slurmAt(
      routes({
        "GET /openapi/v3": () =>
          describing(
            "/slurm/v0.0.41/job/submit",
            "/slurm/v0.0.42/job/submit",
            "/slurm/v0.0.42/jobs/",
            "/slurm/v0.0.43/job/submit",
            "/slurmdb/v0.0.43/jobs/",
          ),
        "GET /slurm/v0.0.42/job/5": () => ({ body: { jobs: [job({ job_id: 5, job_state: ["RUNNING"] })] } }),
      }),
      { apiVersion: undefined },
    );
    expect(await slurm.apiVersion()).toBe("v0.0.42");
    await slurm.status("5");
    await slurm.status("5");
    expect(server.requests.map((r) => r.path)).toEqual(["/openapi/v3", "/slurm/v0.0.42/job/5", "/slurm/v0.0.42/job/5"]);
  });

  it("falls back to /openapi when /openapi/v3 is not there", async () => {
    const { slurm } = await slurmAt(
      routes({ "GET /openapi": () => describing("/slurm/v0.0.39/job/submit", "/slurm/v0.0.39/job/{job_id}") }),
      { apiVersion: undefined },
    );
    expect(await slurm.apiVersion()).toBe("v0.0.39");
  });

  it("names the versions served when it speaks none of them, and asks again next time", async () => {
    const { server, slurm } = await slurmAt(
      routes({ "GET /openapi/v3": () => describing("/slurm/v0.0.36/job/submit", "/slurm/v0.0.37/job/submit", "/openapi/v3") }),
      { apiVersion: undefined },
    );
    await expect(slurm.status("5")).rejects.toThrow(/serves v0\.0\.36, v0\.0\.37; this app speaks v0\.0\.38 to v0\.0\.42/);
    await expect(slurm.submit(spec)).rejects.toThrow(TrainingBackendError);
    expect(server.requests.map((r) => r.path)).toEqual(["/openapi/v3", "/openapi/v3"]);
  });

  it("does not ask when apiVersion pins one, and says so when the server does not serve it", async () => {
    const { server, slurm } = await slurmAt(routes({}), { apiVersion: "v0.0.39" });
    await expect(slurm.status("5")).rejects.toThrow(
      /does not serve GET \/slurm\/v0\.0\.39\/job\/5: API v0\.0\.39 \(pinned by the backend's apiVersion setting\) is not available there/,
    );
    expect(server.requests.map((r) => r.path)).toEqual(["/slurm/v0.0.39/job/5"]);
  });

  it("asks again after the negotiated version stopped being served (slurmrestd upgraded)", async () => {
    const { slurm } = await slurmAt(
      routes({
        "GET /openapi/v3": inSequence(describing("/slurm/v0.0.40/job/submit"), describing("/slurm/v0.0.41/job/submit")),
        "GET /slurm/v0.0.41/job/5": () => ({ body: { jobs: [job({ job_id: 5, job_state: ["PENDING"] })] } }),
      }),
      { apiVersion: undefined },
    );
    await expect(slurm.status("5")).rejects.toThrow(/does not serve GET \/slurm\/v0\.0\.40\/job\/5/);
    expect((await slurm.status("5")).state).toBe("pending");
  });
});

describe("Slurm's own errors", () => {
  it("takes a refusal in a 500 reply as Slurm's answer, without retrying it", async () => {
    // As slurmrestd 22.05 answers a submission to a partition that does not exist.
    const { server, slurm } = await slurmAt(
      inSequence({ status: 500, body: { meta: {}, errors: [{ error_code: 2000, error: "Invalid partition name specified" }] } }),
      { apiVersion: "v0.0.38", dedupeByName: false },
    );
    await expect(slurm.submit(spec)).rejects.toThrow(/Slurm accepted no job for vstar-cycA-c1: Invalid partition name specified/);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a job Slurm forgot, as 22.05 answers it", async () => {
    const { slurm } = await slurmAt(
      inSequence({
        status: 500,
        body: {
          errors: [
            { description: "Unable to find JobId=99999", error_number: 2017, error: "Invalid job id specified", source: "slurm_load_job" },
          ],
          jobs: [],
        },
      }),
      { apiVersion: "v0.0.38" },
    );
    await expect(slurm.status("99999")).rejects.toThrow("Slurm knows no job 99999: Unable to find JobId=99999 (Invalid job id specified)");
  });

  it("says that a rejected token may be why, when Slurm gives no reason (as 22.05 answers a bad token)", async () => {
    const { server, slurm } = await slurmAt(
      routes({
        "GET /slurm/v0.0.38/job/1": () => ({
          status: 500,
          body: {
            errors: [{ description: "Unable to find JobId=1", error_number: -1, error: "Unspecified error", source: "slurm_load_job" }],
            jobs: [],
          },
        }),
        "POST /slurm/v0.0.38/job/submit": () => ({
          status: 500,
          body: { errors: [{ error_code: 5005, error: "Zero Bytes were transmitted or received" }] },
        }),
      }),
      { apiVersion: "v0.0.38", dedupeByName: false },
    );
    await expect(slurm.status("1")).rejects.toThrow(
      "Slurm knows no job 1: Unable to find JobId=1 (Unspecified error) — Slurm gives no reason: a wrong or expired userToken is answered this way",
    );
    // 5005 is also what an unreachable slurmctld gives: retried, then reported.
    const error = await slurm.submit(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingBackendError);
    expect((error as Error).message).toBe(
      "slurmrestd could not complete POST /slurm/v0.0.38/job/submit: Zero Bytes were transmitted or received — Slurm gives no reason: a wrong or expired userToken is answered this way",
    );
    expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(3);
  });

  it("retries when slurmrestd could not reach slurmctld", async () => {
    const { server, slurm } = await slurmAt(
      inSequence(
        { status: 500, body: { errors: [{ error_number: 1001, error: "Unable to contact slurm controller (connect failure)" }] } },
        { body: { jobs: [job({ job_state: ["RUNNING"] })] } },
      ),
    );
    expect((await slurm.status("77")).state).toBe("running");
    expect(server.requests).toHaveLength(2);
  });
});

describe("SlurmBackend logs and the shared filesystem", () => {
  it("says where the log is, without asking Slurm, when this app does not share the cluster's filesystem", async () => {
    const { server, slurm } = await slurmAt(inSequence({ body: { jobs: [job({ standard_output: "/shared/vstar/x-%j.log" })] } }), {
      sharedFilesystem: false,
    });
    const reason = slurm.logsUnavailable("77");
    expect(reason).toMatch(
      /on the cluster \(in \/shared\/vstar, as <job name>-77\.log\); this app does not share the cluster's filesystem/,
    );
    await expect(slurm.logs("77")).rejects.toThrow(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("reads the log where the cluster's folder is mounted here", async () => {
    const read: string[] = [];
    const { slurm } = await slurmAt(
      routes({
        "GET /slurm/v0.0.41/job/77": () => ({ body: { jobs: [job({ standard_output: "/shared/vstar/%x-%j.log" })] } }),
        "GET /slurm/v0.0.41/job/78": () => ({ body: { jobs: [job({ job_id: 78, standard_output: "/home/vstar/%j.log" })] } }),
      }),
      { sharedFilesystem: { clusterPath: "/shared/", localPath: "/mnt/cluster" } },
      {
        readLog: async (path) => {
          read.push(path);
          return "loss 0.5";
        },
      },
    );
    expect(slurm.logsUnavailable("77")).toBeUndefined();
    expect(await slurm.logs("77")).toBe("loss 0.5");
    expect(read).toEqual(["/mnt/cluster/vstar/vstar-cycA-c1-77.log"]);
    await expect(slurm.logs("78")).rejects.toThrow(/\/home\/vstar\/78\.log is outside \/shared/);
  });
});
