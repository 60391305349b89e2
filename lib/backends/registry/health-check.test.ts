import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
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
