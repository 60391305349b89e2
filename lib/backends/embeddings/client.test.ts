import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HttpStatusError, MalformedReplyError } from "@/lib/backends/errors";
import { createEmbeddingsClient } from "@/lib/backends/embeddings/factory";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { embedText } from "@/lib/backends/simulator/embeddings";
import { startScriptedServer, type ScriptedServer } from "@/lib/backends/testing/scripted-server";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import { verifyMany } from "@/lib/verifier/verify";

const noWait = { sleep: async () => {}, random: () => 0 };
let sim: RunningSimulator;
const servers: ScriptedServer[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 3 });
});
afterAll(async () => {
  await sim.close();
  await Promise.all(servers.map((server) => server.close()));
});

async function scripted(...args: Parameters<typeof startScriptedServer>): Promise<ScriptedServer> {
  const server = await startScriptedServer(...args);
  servers.push(server);
  return server;
}

const vectorReply = (input: string[]) => ({
  object: "list",
  model: "all-MiniLM-L6-v2",
  // Answered in reverse: the client must place vectors by index.
  data: input.map((text, index) => ({ object: "embedding", index, embedding: [text.length, index] })).reverse(),
  usage: { prompt_tokens: input.length, total_tokens: input.length },
});

describe("the embeddings client (OpenAI-compatible POST /v1/embeddings)", () => {
  test("posts {model, input: string[]} and returns one vector per text, in order, batched by maxBatchSize", async () => {
    const server = await scripted((request) => ({ body: vectorReply((request.json as { input: string[] }).input) }));
    const client = createEmbeddingsClient({ kind: "openai", baseUrl: server.url, model: "all-MiniLM-L6-v2", maxBatchSize: 2, apiKey: "k" });
    const vectors = await client.embed(["a", "bb", "ccc", "dddd", "eeeee"]);
    expect(vectors).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
      [4, 1],
      [5, 0],
    ]);
    expect(server.requests.map((request) => request.path)).toEqual(["/v1/embeddings", "/v1/embeddings", "/v1/embeddings"]);
    expect(server.requests.map((request) => (request.json as { input: string[] }).input).sort()).toEqual([
      ["a", "bb"],
      ["ccc", "dddd"],
      ["eeeee"],
    ]);
    expect(server.requests[0]?.json).toMatchObject({ model: "all-MiniLM-L6-v2", encoding_format: "float" });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer k");
  });

  test("retries a 503 and a malformed reply as backend failures, then gives up with a typed error", async () => {
    let calls = 0;
    const flaky = await scripted((request) => {
      calls++;
      if (calls === 1) return { status: 503, body: "loading" };
      if (calls === 2) return { body: { data: [{ index: 0, embedding: [1] }] } };
      return { body: vectorReply((request.json as { input: string[] }).input) };
    });
    const client = createEmbeddingsClient({ kind: "openai", baseUrl: flaky.url, model: "m", retries: { max: 3 } }, noWait);
    expect(await client.embed(["x", "y"])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(calls).toBe(3);

    const down = await scripted(() => ({ status: 503, body: "down" }));
    const failing = createEmbeddingsClient({ kind: "openai", baseUrl: down.url, model: "m", retries: { max: 2 } }, noWait);
    const error = await failing.embed(["x"]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).attempts).toBe(3);

    const repeated = await scripted(() => ({
      body: {
        data: [
          { index: 0, embedding: [1] },
          { index: 0, embedding: [2] },
        ],
      },
    }));
    const confused = createEmbeddingsClient({ kind: "openai", baseUrl: repeated.url, model: "m", retries: { max: 0 } });
    await expect(confused.embed(["x", "y"])).rejects.toThrow(MalformedReplyError);
    await expect(confused.embed(["x", "y"])).rejects.toThrow(/repeated index 0/);
  });

  test("reads the simulator's /v1/embeddings over HTTP", async () => {
    const client = createEmbeddingsClient({ kind: "simulator", baseUrl: sim.url, model: "vstar-sim-embedding-256" });
    const [vector] = await client.embed(["a man opens the fridge"]);
    expect(vector).toEqual(embedText("a man opens the fridge"));
    expect(client.isSimulator).toBe(true);
  });
});

describe("the question-answering model (Hugging Face question-answering task)", () => {
  test("posts {inputs: {question, context}} to /models/<model> and turns code-point offsets into string offsets", async () => {
    const context = "🎬 He opens it. The answer is the fridge.";
    // Python counts the emoji as one character; JavaScript as two.
    const pythonStart = [...context.slice(0, context.indexOf("the fridge"))].length;
    const server = await scripted(() => ({ body: [{ answer: "the fridge", score: 0.93, start: pythonStart, end: pythonStart + 10 }] }));
    const client = createEmbeddingsClient({ kind: "openai", baseUrl: server.url, model: "m", questionAnswering: {} });
    const span = await client.spanExtractor()?.extractSpan("What does he open?", context);
    expect(span).toEqual({
      answer: "the fridge",
      start: context.indexOf("the fridge"),
      end: context.indexOf("the fridge") + 10,
      score: 0.93,
    });
    expect(server.requests[0]).toMatchObject({
      path: "/models/distilbert/distilbert-base-cased-distilled-squad",
      json: { inputs: { question: "What does he open?", context } },
    });
  });

  test("has no span extractor unless one is configured, and rejects an answer that is not in the context", async () => {
    expect(createEmbeddingsClient({ kind: "openai", baseUrl: "http://127.0.0.1:9", model: "m" }).spanExtractor()).toBeUndefined();
    const server = await scripted(() => ({ body: { answer: "a cat", score: 0.5, start: 0, end: 5 } }));
    const client = createEmbeddingsClient({
      kind: "openai",
      baseUrl: server.url,
      model: "m",
      questionAnswering: { path: "/qa" },
      retries: 0,
    });
    await expect(client.extractSpan("What?", "A dog runs.")).rejects.toThrow(MalformedReplyError);
    expect(server.requests[0]?.path).toBe("/qa");
  });

  test("the simulator's reader picks the answer after the last 'is', and the stretch of times for a time question", async () => {
    const client = createEmbeddingsClient({ kind: "simulator", baseUrl: sim.url, model: "vstar-sim-embedding-256", questionAnswering: {} });
    const answer = "He walks to the closet first. Comparing the options, the most fitting choice is The closet/cabinet.";
    expect(await client.extractSpan("Which object did the person open?", answer)).toMatchObject({ answer: "The closet/cabinet" });
    const when = "He waits. The person sits down from 0.25 to 0.5 of the clip.";
    expect(await client.extractSpan("When does the person sit down?", when)).toMatchObject({ answer: "0.25 to 0.5", score: 0.9 });
  });
});

describe("the reference-code preset's sentence rule through the simulator over HTTP", () => {
  test("STAR answers are compared on the span the question-answering model cuts out, in one embeddings request", async () => {
    const client = createEmbeddingsClient({ kind: "simulator", baseUrl: sim.url, model: "vstar-sim-embedding-256", questionAnswering: {} });
    const reference = resolveVerifierConfig("reference-code");
    const [right, wrong] = await verifyMany(
      [
        {
          targets: { labelType: "class", label: "The closet/cabinet." },
          answer: "He looks at the table. The answer is the closet/cabinet.",
          questionKind: "star-qa",
          question: "Which object did the person open?",
        },
        {
          targets: { labelType: "class", label: "The closet/cabinet." },
          answer: "He walks past the closet/cabinet. The answer is the window.",
          questionKind: "star-qa",
          question: "Which object did the person open?",
        },
      ],
      reference,
      { embedder: client, spanExtractor: client.spanExtractor() },
    );
    expect(right?.passed).toBe(true);
    expect(right?.method).toBe("class:released-sentence:vstar-sim-embedding-256:qa-span");
    expect(wrong?.passed).toBe(false);
  });
});
