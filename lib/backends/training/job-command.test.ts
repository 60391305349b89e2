import { afterEach, describe, expect, it } from "vitest";
import { parseTrainingBackendConfig, type RayBackendConfig, type SlurmBackendConfig } from "@/lib/backends/config";
import { inSequence, routes, startScriptedServer, type ScriptedServer } from "@/lib/backends/testing/scripted-server";
import { RayJobsBackend } from "@/lib/backends/training/ray";
import { SlurmBackend } from "@/lib/backends/training/slurm";
import type { TrainingJobSpec } from "@/lib/backends/training/types";

// A benchmark job runs its own command (lmms-eval) through the same backends as training.

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const spec: TrainingJobSpec = {
  submissionId: "vstar-r1-bench-c0",
  cycleIndex: 0,
  configPath: "/shared/bench/base/lmms-eval",
  outputDir: "/shared/bench/base",
  command: "bash -c 'python3 -m lmms_eval --tasks tempcompass'",
  env: { OPENAI_API_KEY: "sk-judge" },
};

describe("a job with its own command", () => {
  it("is Ray's entrypoint, with the judge's key in the runtime environment only", async () => {
    const server = await startScriptedServer(inSequence({ body: { job_id: spec.submissionId, submission_id: spec.submissionId } }));
    servers.push(server);
    const ray = new RayJobsBackend(parseTrainingBackendConfig({ kind: "ray", baseUrl: server.url }) as RayBackendConfig);
    await ray.submit(spec);
    const body = server.requests[0]?.json as { entrypoint: string; runtime_env: { env_vars: Record<string, string> } };
    expect(body.entrypoint).toBe(spec.command);
    expect(body.runtime_env.env_vars.OPENAI_API_KEY).toBe("sk-judge");
  });

  it("is what Slurm's batch script executes, with the key among the job's environment", async () => {
    const server = await startScriptedServer(
      routes({
        "GET /slurm/v0.0.41/jobs": () => ({ body: { jobs: [], errors: [] } }),
        "POST /slurm/v0.0.41/job/submit": () => ({ body: { job_id: 42, step_id: "batch", errors: [], warnings: [] } }),
      }),
    );
    servers.push(server);
    const slurm = new SlurmBackend(
      parseTrainingBackendConfig({
        kind: "slurm",
        baseUrl: server.url,
        apiVersion: "v0.0.41",
        userName: "vstar",
        userToken: "t",
        workingDirectory: "/shared/vstar",
      }) as SlurmBackendConfig,
    );
    await slurm.submit(spec);
    const body = server.requests.find((r) => r.method === "POST")?.json as { job: { script: string; environment: string[] } };
    expect(body.job.script).toBe(`#!/bin/bash\nset -euo pipefail\nexec ${spec.command}\n`);
    expect(body.job.environment).toContain("OPENAI_API_KEY=sk-judge");
  });
});
