import { describe, expect, it } from "vitest";
import { isSimulatorBackend, parseInferenceBackendConfig, parseTrainingBackendConfig } from "@/lib/backends/config";
import { createInferenceClient } from "@/lib/backends/inference/factory";
import { createTrainingBackend } from "@/lib/backends/training/factory";
import { RayJobsBackend } from "@/lib/backends/training/ray";
import { SlurmBackend } from "@/lib/backends/training/slurm";

describe("inference backend configuration", () => {
  it("fills in defaults so a minimal stored JSON works", () => {
    const config = parseInferenceBackendConfig(
      JSON.parse('{"kind":"openai","baseUrl":"http://gpu-1:8000/","model":"Qwen/Qwen2.5-VL-7B-Instruct"}'),
    );
    expect(config).toEqual({
      kind: "openai",
      baseUrl: "http://gpu-1:8000",
      model: "Qwen/Qwen2.5-VL-7B-Instruct",
      videoInput: "video_url",
      frames: { count: 8, maxSize: 448 },
      maxConcurrency: 8,
      timeoutMs: 120_000,
      retries: { max: 3, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 },
      breaker: { failureThreshold: 5, cooldownMs: 30_000 },
    });
    expect(isSimulatorBackend(config)).toBe(false);
  });

  it("takes a bare number as the retry count and survives a JSON round trip", () => {
    const config = parseInferenceBackendConfig({
      kind: "simulator",
      baseUrl: "http://127.0.0.1:4010",
      model: "sim",
      retries: 5,
      frames: { count: 4 },
    });
    expect(config.retries.max).toBe(5);
    expect(config.frames).toEqual({ count: 4, maxSize: 448 });
    expect(parseInferenceBackendConfig(JSON.parse(JSON.stringify(config)))).toEqual(config);
    expect(isSimulatorBackend(config)).toBe(true);
  });

  it("names every invalid field", () => {
    expect(() => parseInferenceBackendConfig({ kind: "tgi", baseUrl: "ftp://x", model: "", maxConcurrency: 0 })).toThrow(
      /invalid inference backend configuration: kind: .*; baseUrl: baseUrl must be an http\(s\) URL; model: .*; maxConcurrency: /,
    );
  });

  it("builds a client from stored JSON", () => {
    const client = createInferenceClient({ kind: "simulator", baseUrl: "http://127.0.0.1:4010", model: "sim" });
    expect(client.isSimulator).toBe(true);
    expect(client.circuitState).toBe("closed");
  });
});

describe("training backend configuration", () => {
  it("discriminates Ray and Slurm by kind, with defaults", () => {
    const ray = parseTrainingBackendConfig({ kind: "ray", baseUrl: "http://head:8265" });
    expect(ray).toMatchObject({
      kind: "ray",
      entrypointNumGpus: 1,
      runtimeEnv: {},
      llamafactoryCli: "llamafactory-cli",
      timeoutMs: 30_000,
    });
    const slurm = parseTrainingBackendConfig({
      kind: "slurm",
      baseUrl: "http://slurm:6820",
      userName: "u",
      userToken: "t",
      workingDirectory: "/shared",
    });
    expect(slurm).toMatchObject({ kind: "slurm", gpusPerNode: 1, environment: {}, dedupeByName: true, sharedFilesystem: false });
    // No version pinned: the client asks the server.
    expect(slurm).not.toHaveProperty("apiVersion");
  });

  it("pins a Slurm API version it speaks, and requires credentials", () => {
    const slurm = (settings: Record<string, unknown>) =>
      parseTrainingBackendConfig({
        kind: "slurm",
        baseUrl: "http://s:6820",
        userName: "u",
        userToken: "t",
        workingDirectory: "/x",
        ...settings,
      });
    expect(slurm({ apiVersion: "v0.0.38" })).toMatchObject({ apiVersion: "v0.0.38" });
    expect(slurm({ apiVersion: "v0.0.42" })).toMatchObject({ apiVersion: "v0.0.42" });
    expect(() => slurm({ apiVersion: "v0.0.37" })).toThrow(
      /apiVersion must be one of v0\.0\.38, v0\.0\.39, v0\.0\.40, v0\.0\.41, v0\.0\.42/,
    );
    expect(slurm({ sharedFilesystem: { clusterPath: "/shared/", localPath: "/mnt/shared/" } })).toMatchObject({
      sharedFilesystem: { clusterPath: "/shared", localPath: "/mnt/shared" },
    });
    expect(() => slurm({ sharedFilesystem: { clusterPath: "shared", localPath: "/mnt" } })).toThrow(/sharedFilesystem/);
    expect(() => parseTrainingBackendConfig({ kind: "slurm", baseUrl: "http://s:6820", workingDirectory: "relative" })).toThrow(
      /userName: .*userToken: .*workingDirectory: workingDirectory must be an absolute cluster path/,
    );
  });

  it("builds the matching backend", () => {
    expect(createTrainingBackend({ kind: "simulator-ray", baseUrl: "http://127.0.0.1:8265" })).toBeInstanceOf(RayJobsBackend);
    expect(createTrainingBackend({ kind: "simulator-ray", baseUrl: "http://127.0.0.1:8265" }).kind).toBe("simulator-ray");
    expect(
      createTrainingBackend({ kind: "slurm", baseUrl: "http://s:6820", userName: "u", userToken: "t", workingDirectory: "/x" }),
    ).toBeInstanceOf(SlurmBackend);
  });
});
