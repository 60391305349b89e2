import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseTrainingBackendConfig, type SlurmBackendConfig } from "@/lib/backends";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { loadFixture } from "@/lib/backends/testing/fixtures";
import { routes, startScriptedServer } from "@/lib/backends/testing/scripted-server";
import { checkBackendHealth } from "./health-check";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, baseModel: "sim-base-model" });
});
afterAll(() => sim.close());

describe("health checks", () => {
  test("an inference backend lists its served models and is marked simulated", async () => {
    const report = await checkBackendHealth({ role: "INFERENCE", config: inferenceConfig(sim.url, "sim-base-model") });
    expect(report.ok).toBe(true);
    expect(report.simulated).toBe(true);
    expect(report.models.map((model) => model.id)).toContain("sim-base-model");
    expect(report.warning).toBeUndefined();
  });

  test("a configured model the server does not serve is a warning", async () => {
    const report = await checkBackendHealth({ role: "INFERENCE", config: inferenceConfig(sim.url, "not-served") });
    expect(report.ok).toBe(true);
    expect(report.warning).toMatch(/"not-served" is not among the served models/);
  });

  test("an embeddings backend lists its served models; a model it does not serve is a warning", async () => {
    const config = {
      kind: "simulator" as const,
      baseUrl: sim.url,
      model: "vstar-sim-embedding-256",
      maxBatchSize: 256,
      maxConcurrency: 2,
      timeoutMs: 5000,
      retries: { max: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
      breaker: { failureThreshold: 5, cooldownMs: 1000 },
    };
    const report = await checkBackendHealth({ role: "EMBEDDINGS", config });
    expect(report).toMatchObject({ ok: true, simulated: true });
    expect(report.warning).toBeUndefined();
    expect(report.models.map((model) => model.id)).toContain("vstar-sim-embedding-256");
    const missing = await checkBackendHealth({ role: "EMBEDDINGS", config: { ...config, model: "all-MiniLM-L6-v2" } });
    expect(missing.warning).toMatch(/"all-MiniLM-L6-v2" is not among the served models/);
  });

  test("a Ray dashboard reports its version", async () => {
    const report = await checkBackendHealth({
      role: "TRAINING",
      config: {
        kind: "simulator-ray",
        baseUrl: sim.url,
        timeoutMs: 5000,
        retries: { max: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
        breaker: { failureThreshold: 5, cooldownMs: 1000 },
        llamafactoryCli: "llamafactory-cli",
        entrypointNumGpus: 1,
        runtimeEnv: {},
      },
    });
    expect(report).toMatchObject({ ok: true, simulated: true, version: "Ray 2.40.0" });
  });

  test("slurmrestd is pinged in the newest API version both sides speak", async () => {
    // As slurmrestd 22.05.8 answers.
    const ping = (ping: string) => ({
      body: {
        meta: {
          plugin: { type: "openapi/v0.0.38", name: "Slurm OpenAPI v0.0.38" },
          Slurm: { version: { major: 22, micro: 8, minor: 5 }, release: "22.05.8" },
        },
        errors: [],
        pings: [{ hostname: "ctl", ping, status: 0, mode: "primary" }],
      },
    });
    const server = await startScriptedServer(
      routes({
        "GET /openapi/v3": () => ({ body: loadFixture("slurm/v0.0.38/openapi").response.body }),
        "GET /slurm/v0.0.38/ping": (_request, index) => ping(index === 0 ? "UP" : "DOWN"),
      }),
    );
    try {
      const config = parseTrainingBackendConfig({
        kind: "slurm",
        baseUrl: server.url,
        userName: "vstar",
        userToken: "jwt",
        workingDirectory: "/shared",
      }) as SlurmBackendConfig;
      const report = await checkBackendHealth({ role: "TRAINING", config });
      expect(report).toMatchObject({ ok: true, simulated: false, version: "Slurm 22.05.8 (API v0.0.38)" });
      expect(server.requests[0]?.headers["x-slurm-user-token"]).toBe("jwt");
      const down = await checkBackendHealth({ role: "TRAINING", config: { ...config, apiVersion: "v0.0.38" } });
      expect(down).toMatchObject({ ok: false, error: "slurmctld not responding: ctl" });
      expect(server.requests.map((r) => r.path)).toEqual(["/openapi/v3", "/slurm/v0.0.38/ping", "/slurm/v0.0.38/ping"]);
    } finally {
      await server.close();
    }
  });

  test("an unreachable backend is reported down with the reason", async () => {
    const report = await checkBackendHealth(
      { role: "INFERENCE", config: { ...inferenceConfig("http://127.0.0.1:9", "m"), kind: "openai" } },
      { timeoutMs: 2000 },
    );
    expect(report.ok).toBe(false);
    expect(report.simulated).toBe(false);
    expect(report.error).toMatch(/127\.0\.0\.1:9/);
  });
});

function inferenceConfig(baseUrl: string, model: string) {
  return {
    kind: "simulator" as const,
    baseUrl,
    model,
    videoInput: "video_url" as const,
    frames: { count: 8, maxSize: 448 },
    maxConcurrency: 2,
    timeoutMs: 5000,
    retries: { max: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
    breaker: { failureThreshold: 5, cooldownMs: 1000 },
  };
}
