import { describe, expect, test } from "vitest";
import { backendInputSchema } from "./backend-input";
import { backendRecord } from "./backend-record";
import { credentialView, resolveBackendConfig } from "./backend-runtime";

const KEY = "key-material-for-runtime-tests-0123456789";

function record(input: unknown, existing: string | null = null) {
  return backendRecord(backendInputSchema.parse(input), existing, KEY);
}

const base = { name: "vllm", role: "INFERENCE", kind: "openai", baseUrl: "http://gpu:8000/", settings: { model: "m", maxConcurrency: 4 } };

describe("stored backends", () => {
  test("a stored credential is encrypted in the row and decrypted only for the client", () => {
    const row = record({ ...base, credential: { source: "stored", value: "sk-secret" } });
    expect(JSON.stringify(row)).not.toContain("sk-secret");
    expect(row.baseUrl).toBe("http://gpu:8000");
    expect(credentialView(row)).toEqual({ source: "stored" });
    const runtime = resolveBackendConfig(row, { keyMaterial: KEY });
    expect(runtime.role).toBe("INFERENCE");
    expect(runtime.config).toMatchObject({
      kind: "openai",
      baseUrl: "http://gpu:8000",
      apiKey: "sk-secret",
      model: "m",
      maxConcurrency: 4,
      timeoutMs: 120_000,
    });
  });

  test("an edit that does not re-enter a stored credential keeps it; with none stored it is a field error", () => {
    const first = record({ ...base, credential: { source: "stored", value: "sk-1" } });
    const kept = record({ ...base, credential: { source: "stored" } }, first.secretCiphertext);
    expect(kept.secretCiphertext).toBe(first.secretCiphertext);
    expect(() => record({ ...base, credential: { source: "stored" } })).toThrow(
      expect.objectContaining({ kind: "invalid-input", field: "credential.value" }),
    );
  });

  test("a credential from the environment is read at use time and reported missing when unset", () => {
    const row = record({ ...base, credential: { source: "env", envVar: "VLLM_KEY" } });
    expect(row.secretCiphertext).toBeNull();
    expect(credentialView(row, {})).toEqual({ source: "env", envVar: "VLLM_KEY", present: false });
    expect(resolveBackendConfig(row, { env: { VLLM_KEY: "from-env" } }).config).toMatchObject({ apiKey: "from-env" });
    expect(() => resolveBackendConfig(row, { env: {} })).toThrow(
      expect.objectContaining({ kind: "unavailable", message: expect.stringMatching(/VLLM_KEY holding its credential is not set/) }),
    );
  });

  test("training backends resolve through the training schema; simulators are marked", () => {
    const row = record({ name: "sim-ray", role: "TRAINING", kind: "simulator-ray", baseUrl: "http://127.0.0.1:8000", settings: {} });
    expect(row.isSimulator).toBe(true);
    const runtime = resolveBackendConfig(row);
    expect(runtime).toMatchObject({ role: "TRAINING", config: { kind: "simulator-ray", entrypointNumGpus: 1 } });
  });

  test("an embeddings backend resolves through the embeddings schema, its question-answering model with its default name", () => {
    const row = record({
      name: "minilm",
      role: "EMBEDDINGS",
      kind: "openai",
      baseUrl: "http://gpu:8001",
      settings: { model: "sentence-transformers/all-MiniLM-L6-v2", questionAnswering: {} },
    });
    expect(resolveBackendConfig(row)).toMatchObject({
      role: "EMBEDDINGS",
      config: {
        kind: "openai",
        model: "sentence-transformers/all-MiniLM-L6-v2",
        maxBatchSize: 256,
        timeoutMs: 30_000,
        questionAnswering: { model: "distilbert/distilbert-base-cased-distilled-squad" },
      },
    });
  });

  test("a row with an unknown protocol names the backend", () => {
    expect(() =>
      resolveBackendConfig({ name: "odd", role: "INFERENCE", protocol: "grpc", baseUrl: "http://x", config: {}, secretCiphertext: null }),
    ).toThrow(/Backend "odd": unknown protocol "grpc"/);
  });
});
