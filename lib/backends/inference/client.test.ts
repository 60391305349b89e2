import { afterEach, describe, expect, it, vi } from "vitest";
import { parseInferenceBackendConfig, type InferenceBackendConfigInput } from "@/lib/backends/config";
import {
  CircuitOpenError,
  HttpStatusError,
  LoraConflictError,
  MalformedReplyError,
  NetworkError,
  RequestTimeoutError,
} from "@/lib/backends/errors";
import { InferenceClient, type InferenceClientDeps } from "@/lib/backends/inference/client";
import type { GenerateRequest } from "@/lib/backends/inference/types";
import { chatReply } from "@/lib/backends/testing/chat-replies";
import { inSequence, routes, startScriptedServer, type Handler, type ScriptedServer } from "@/lib/backends/testing/scripted-server";

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler): Promise<ScriptedServer> {
  const server = await startScriptedServer(handler);
  servers.push(server);
  return server;
}

function clientFor(server: ScriptedServer, overrides: Partial<InferenceBackendConfigInput> = {}, deps: InferenceClientDeps = {}) {
  const config = parseInferenceBackendConfig({
    kind: "openai",
    baseUrl: server.url,
    model: "Qwen/Qwen2.5-VL-7B-Instruct",
    timeoutMs: 2_000,
    retries: { max: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
  return new InferenceClient(config, deps);
}

const question: GenerateRequest = {
  prompt: "What is the person doing? Explain step by step.",
  video: { url: "https://media.example/clip.mp4?sig=abc" },
};

describe("InferenceClient.generate", () => {
  it("sends the video as a video_url part with the paper's sampling defaults and returns the reply", async () => {
    const server = await serve(inSequence(chatReply("The person is eating apple pie.")));
    const result = await clientFor(server, { apiKey: "secret-key" }).generate({ ...question, system: "Be precise." });

    expect(result).toMatchObject({
      text: "The person is eating apple pie.",
      model: "Qwen/Qwen2.5-VL-7B-Instruct",
      promptTokens: 120,
      completionTokens: 14,
      finishReason: "stop",
      attempts: 1,
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const [sent] = server.requests;
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe("Bearer secret-key");
    expect(sent?.json).toEqual({
      model: "Qwen/Qwen2.5-VL-7B-Instruct",
      messages: [
        { role: "system", content: "Be precise." },
        {
          role: "user",
          content: [
            { type: "video_url", video_url: { url: "https://media.example/clip.mp4?sig=abc" } },
            { type: "text", text: question.prompt },
          ],
        },
      ],
      temperature: 0.2,
      max_tokens: 1024,
      n: 1,
    });
  });

  it("passes temperature, max_tokens and seed through", async () => {
    const server = await serve(inSequence(chatReply("ok")));
    await clientFor(server).generate({ ...question, sampling: { temperature: 0.7, maxTokens: 64, seed: 42 } });
    expect(server.requests[0]?.json).toMatchObject({ temperature: 0.7, max_tokens: 64, seed: 42, n: 1 });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("retries 429 and 503, then succeeds, counting attempts", async () => {
    const server = await serve(
      inSequence({ status: 429, body: "slow down" }, { status: 503, body: "overloaded" }, chatReply("third time")),
    );
    const result = await clientFor(server).generate(question);
    expect(result.text).toBe("third time");
    expect(result.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it("waits what Retry-After asks (seconds or HTTP date) instead of its own back-off", async () => {
    const waits: number[] = [];
    const fixedNow = Date.parse("2025-01-01T00:00:00Z");
    const server = await serve(
      inSequence(
        { status: 429, headers: { "retry-after": "2" }, body: "later" },
        { status: 503, headers: { "retry-after": "Wed, 01 Jan 2025 00:00:03 GMT" }, body: "later" },
        chatReply("done"),
      ),
    );
    const client = clientFor(server, {}, { now: () => fixedNow, sleep: async (ms) => void waits.push(ms) });
    const result = await client.generate(question);
    expect(result.attempts).toBe(3);
    expect(waits).toEqual([2_000, 3_000]);
  });

  it("gives up when Retry-After exceeds the allowed wait", async () => {
    const server = await serve(inSequence({ status: 429, headers: { "retry-after": "3600" }, body: "come back in an hour" }));
    const error = await clientFor(server)
      .generate(question)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(429);
    expect((error as HttpStatusError).attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("backs off with full jitter between retries", async () => {
    const waits: number[] = [];
    const server = await serve(inSequence({ status: 500 }, { status: 500 }, { status: 500 }, chatReply("ok")));
    const client = clientFor(
      server,
      { retries: { max: 3, baseDelayMs: 100, maxDelayMs: 250 } },
      { random: () => 0.999, sleep: async (ms) => void waits.push(ms) },
    );
    await client.generate(question);
    expect(waits).toEqual([99, 199, 249]);
  });

  it("does not retry a 400", async () => {
    const server = await serve(
      inSequence({ status: 400, body: { object: "error", message: "bad request", type: "BadRequestError", code: 400 } }),
    );
    const error = await clientFor(server)
      .generate(question)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(400);
    expect((error as HttpStatusError).attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("reports the last error with the attempt count once retries run out", async () => {
    const server = await serve(inSequence({ status: 502, body: "bad gateway" }));
    const error = await clientFor(server, { retries: { max: 2, baseDelayMs: 1, maxDelayMs: 2 } })
      .generate(question)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it("times out a request that hangs, then succeeds on retry", async () => {
    const server = await serve(inSequence({ hang: true }, chatReply("after the timeout")));
    const result = await clientFor(server, { timeoutMs: 150 }).generate(question);
    expect(result.text).toBe("after the timeout");
    expect(result.attempts).toBe(2);
  });

  it("reports a timeout as RequestTimeoutError when every attempt hangs", async () => {
    const server = await serve(inSequence({ hang: true }));
    const error = await clientFor(server, { timeoutMs: 80, retries: { max: 1, baseDelayMs: 1, maxDelayMs: 1 } })
      .generate(question)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as RequestTimeoutError).attempts).toBe(2);
  });

  it("retries a dropped connection as a network error", async () => {
    const server = await serve(inSequence({ destroy: true }, chatReply("reconnected")));
    const result = await clientFor(server).generate(question);
    expect(result).toMatchObject({ text: "reconnected", attempts: 2 });

    const dead = await serve(inSequence({ destroy: true }));
    const error = await clientFor(dead, { retries: 0 })
      .generate(question)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it("stops at once when the caller aborts", async () => {
    const server = await serve(inSequence({ hang: true }));
    const controller = new AbortController();
    const pending = clientFor(server, { timeoutMs: 5_000 }).generate({ ...question, signal: controller.signal });
    // Abort once the server holds the request (a fixed delay is too short on a loaded machine).
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort(new Error("cycle cancelled"));
    await expect(pending).rejects.toThrow("cycle cancelled");
    expect(server.requests).toHaveLength(1);
  });
});

describe("malformed replies", () => {
  it.each([
    ["invalid JSON", { status: 200, body: "<html>gateway</html>" }, /not valid JSON/],
    ["no choices", { status: 200, body: { model: "m", choices: [] } }, /choices is empty/],
    ["no message", { status: 200, body: { model: "m", choices: [{ index: 0, finish_reason: "stop" }] } }, /choices\.0\.message/],
    ["null content", { status: 200, body: { model: "m", choices: [{ message: { role: "assistant", content: null } }] } }, /content/],
  ])("%s is a MalformedReplyError, retried up to the budget, then reported", async (_name, reply, reason) => {
    const server = await serve(inSequence(reply));
    const error = await clientFor(server, { retries: { max: 2, baseDelayMs: 1, maxDelayMs: 1 } })
      .generate(question)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedReplyError);
    expect((error as MalformedReplyError).reason).toMatch(reason);
    expect((error as MalformedReplyError).attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it("recovers when a malformed reply is followed by a good one", async () => {
    const server = await serve(inSequence({ status: 200, body: "{" }, chatReply("fine now")));
    const result = await clientFor(server).generate(question);
    expect(result).toMatchObject({ text: "fine now", attempts: 2 });
  });
});

describe("concurrency limit", () => {
  it("never has more requests in flight than maxConcurrency", async () => {
    const server = await serve(() => ({ ...chatReply("ok"), delayMs: 30 }));
    const client = clientFor(server, { maxConcurrency: 3 });
    const results = await Promise.all(Array.from({ length: 12 }, () => client.generate(question)));
    expect(results).toHaveLength(12);
    expect(server.requests).toHaveLength(12);
    expect(server.maxInFlight).toBe(3);
  });
});

describe("circuit breaker", () => {
  it("opens after N consecutive failures, fails fast, then lets one probe through and closes", async () => {
    let healthy = false;
    const server = await serve(() => (healthy ? chatReply("recovered") : { status: 503, body: "down" }));
    const client = clientFor(server, { retries: 0, breaker: { failureThreshold: 3, cooldownMs: 400 } });

    for (let i = 0; i < 3; i++) await expect(client.generate(question)).rejects.toBeInstanceOf(HttpStatusError);
    expect(client.circuitState).toBe("open");

    const fast = await client.generate(question).catch((e: unknown) => e);
    expect(fast).toBeInstanceOf(CircuitOpenError);
    expect((fast as CircuitOpenError).retryInMs).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);

    await new Promise((resolve) => setTimeout(resolve, 420));
    healthy = true;
    const result = await client.generate(question);
    expect(result.text).toBe("recovered");
    expect(client.circuitState).toBe("closed");
    expect(server.requests).toHaveLength(4);
  });

  it("re-opens when the half-open probe fails, and lets only one probe out at a time", async () => {
    let mode: "down" | "slow-ok" = "down";
    const server = await serve(() => (mode === "down" ? { status: 500 } : { ...chatReply("probe ok"), delayMs: 100 }));
    const client = clientFor(server, { retries: 0, breaker: { failureThreshold: 2, cooldownMs: 300 } });

    for (let i = 0; i < 2; i++) await expect(client.generate(question)).rejects.toBeInstanceOf(HttpStatusError);
    await new Promise((resolve) => setTimeout(resolve, 320));
    await expect(client.generate(question)).rejects.toBeInstanceOf(HttpStatusError);
    expect(client.circuitState).toBe("open");
    await expect(client.generate(question)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(server.requests).toHaveLength(3);

    await new Promise((resolve) => setTimeout(resolve, 320));
    mode = "slow-ok";
    const [probe, other] = await Promise.allSettled([client.generate(question), client.generate(question)]);
    expect(probe.status).toBe("fulfilled");
    expect(other.status === "rejected" && other.reason instanceof CircuitOpenError).toBe(true);
    expect(server.requests).toHaveLength(4);
    expect(client.circuitState).toBe("closed");
  });

  it("does not count client errors (4xx) against the server", async () => {
    const server = await serve(inSequence({ status: 500 }, { status: 400, body: "bad" }, { status: 500 }, chatReply("ok")));
    const client = clientFor(server, { retries: 0, breaker: { failureThreshold: 2, cooldownMs: 10_000 } });
    await expect(client.generate(question)).rejects.toBeInstanceOf(HttpStatusError);
    await expect(client.generate(question)).rejects.toBeInstanceOf(HttpStatusError);
    await expect(client.generate(question)).rejects.toBeInstanceOf(HttpStatusError);
    expect(client.circuitState).toBe("closed");
    await expect(client.generate(question)).resolves.toMatchObject({ text: "ok" });
  });
});

describe("LoRA checkpoints", () => {
  function vllmWithLora() {
    const loaded = new Map<string, string>();
    const handler = routes({
      "POST /v1/load_lora_adapter": (request) => {
        const body = request.json as { lora_name: string; lora_path: string };
        if (loaded.has(body.lora_name)) {
          return {
            status: 400,
            body: {
              object: "error",
              message: `The lora adapter '${body.lora_name}' has already been loaded.`,
              type: "InvalidUserInput",
              code: 400,
            },
          };
        }
        loaded.set(body.lora_name, body.lora_path);
        return { status: 200, body: `Success: LoRA adapter '${body.lora_name}' added successfully.` };
      },
      "GET /v1/models": () => ({
        status: 200,
        body: {
          object: "list",
          data: [
            { id: "Qwen/Qwen2.5-VL-7B-Instruct", object: "model", owned_by: "vllm", root: "Qwen/Qwen2.5-VL-7B-Instruct", parent: null },
            ...[...loaded].map(([id, root]) => ({ id, object: "model", owned_by: "vllm", root, parent: "Qwen/Qwen2.5-VL-7B-Instruct" })),
          ],
        },
      }),
      "POST /v1/chat/completions": (request) => chatReply("answer", (request.json as { model: string }).model),
    });
    return { handler, loaded };
  }

  it("loads the adapter once per process and requests it by its versioned name", async () => {
    const { handler } = vllmWithLora();
    const server = await serve(handler);
    const client = clientFor(server);
    const checkpoint = { kind: "lora" as const, name: "vstar-c1", path: "/ckpt/cycle-1/adapter" };
    const results = await Promise.all([1, 2, 3].map(() => client.generate({ ...question, checkpoint })));

    expect(results.map((r) => r.model)).toEqual(["vstar-c1", "vstar-c1", "vstar-c1"]);
    const loads = server.requests.filter((r) => r.path === "/v1/load_lora_adapter");
    expect(loads).toHaveLength(1);
    expect(loads[0]?.json).toEqual({ lora_name: "vstar-c1", lora_path: "/ckpt/cycle-1/adapter" });
    expect(
      server.requests.filter((r) => r.path === "/v1/chat/completions").every((r) => (r.json as { model: string }).model === "vstar-c1"),
    ).toBe(true);
  });

  it("treats 'already loaded' (another worker loaded it) as success after checking /v1/models", async () => {
    const { handler, loaded } = vllmWithLora();
    const server = await serve(handler);
    await clientFor(server).loadLoraAdapter("vstar-c2", "/ckpt/cycle-2/adapter");
    await expect(clientFor(server).loadLoraAdapter("vstar-c2", "/ckpt/cycle-2/adapter/")).resolves.toBeUndefined();
    expect(loaded.get("vstar-c2")).toBe("/ckpt/cycle-2/adapter");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/load_lora_adapter",
      "POST /v1/load_lora_adapter",
      "GET /v1/models",
    ]);
  });

  it("refuses a reused name that is served from another path", async () => {
    const { handler } = vllmWithLora();
    const server = await serve(handler);
    await clientFor(server).loadLoraAdapter("vstar-c3", "/ckpt/old/adapter");
    const error = await clientFor(server)
      .loadLoraAdapter("vstar-c3", "/ckpt/new/adapter")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoraConflictError);
    expect((error as Error).message).toContain("/ckpt/old/adapter");
  });

  it("reports a 400 for an adapter that is not served (a real load failure)", async () => {
    const server = await serve(
      routes({
        "POST /v1/load_lora_adapter": () => ({
          status: 400,
          body: { object: "error", message: "Invalid LoRA adapter", type: "BadRequestError", code: 400 },
        }),
        "GET /v1/models": () => ({ status: 200, body: { object: "list", data: [] } }),
      }),
    );
    const error = await clientFor(server)
      .loadLoraAdapter("broken", "/nowhere")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).body).toContain("Invalid LoRA adapter");
  });
});

describe("simulator extension", () => {
  const simulation = {
    videoId: "kinetics/abc_000010_000020",
    targets: [{ labelType: "class" as const, label: "eating apple pie" }],
    mode: "answer" as const,
    questionKind: "kinetics-class",
  };

  it("carries x_simulation to a simulator backend", async () => {
    const server = await serve(inSequence(chatReply("simulated")));
    await clientFor(server, { kind: "simulator" }).generate({ ...question, simulation });
    expect(server.requests[0]?.json).toMatchObject({ x_simulation: simulation });
  });

  it("never sends x_simulation to a real backend", async () => {
    const server = await serve(inSequence(chatReply("real")));
    await clientFor(server, { kind: "openai" }).generate({ ...question, simulation });
    expect(server.requests[0]?.json).not.toHaveProperty("x_simulation");
  });

  it("rejects a malformed simulation context before calling the simulator", async () => {
    const server = await serve(inSequence(chatReply("simulated")));
    const bad = { ...simulation, targets: [{ labelType: "bbox", label: { box: [0, 0, 2, 1] } }] };
    // @ts-expect-error: deliberately invalid target (box corner outside [0,1])
    await expect(clientFor(server, { kind: "simulator" }).generate({ ...question, simulation: bad })).rejects.toThrow();
    expect(server.requests).toHaveLength(0);
  });
});
