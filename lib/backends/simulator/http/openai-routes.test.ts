import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosineSimilarity } from "../embeddings";
import { startSimulator, type RunningSimulator } from "../server";
import { chatBody, chatText, postJson } from "./test-kit";

let sim: RunningSimulator;
let other: RunningSimulator;

beforeAll(async () => {
  [sim, other] = await Promise.all([startSimulator({ seed: 42 }), startSimulator({ seed: 43 })]);
});
afterAll(async () => {
  await Promise.all([sim.close(), other.close()]);
});

describe("chat completions", () => {
  it("answers the same request with the same text, and differently under another seed", async () => {
    const first = await chatText(sim.url, { videoId: "det-1" });
    expect(await chatText(sim.url, { videoId: "det-1" })).toBe(first);
    expect(await chatText(other.url, { videoId: "det-1" })).not.toBe(first);
    expect(await chatText(sim.url, { videoId: "det-2" })).not.toBe(first);
  });

  it("marks the answer as simulated", async () => {
    const body = (await (await postJson(`${sim.url}/v1/chat/completions`, chatBody())).json()) as Record<string, unknown>;
    expect(body.id).toMatch(/^chatcmpl-sim-/);
    expect(body.system_fingerprint).toBe("vstar-simulator");
    expect(body.model).toBe("Qwen2.5-VL-7B-Instruct");
  });

  it("charges a fixed prompt cost per video part", async () => {
    const one = (await (await postJson(`${sim.url}/v1/chat/completions`, chatBody())).json()) as { usage: { prompt_tokens: number } };
    const body = chatBody();
    const messages = body.messages as { content: unknown[] }[];
    messages[0]?.content.unshift({ type: "video_url", video_url: { url: "http://media.local/second.mp4" } });
    const two = (await (await postJson(`${sim.url}/v1/chat/completions`, body)).json()) as { usage: { prompt_tokens: number } };
    expect(two.usage.prompt_tokens - one.usage.prompt_tokens).toBeGreaterThan(500);
  });

  it("rejects an unknown model with vLLM's 404 error", async () => {
    const res = await postJson(`${sim.url}/v1/chat/completions`, chatBody({ model: "no-such-model" }));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      object: "error",
      message: "The model `no-such-model` does not exist.",
      type: "NotFoundError",
      param: null,
      code: 404,
    });
  });

  it("rejects a malformed request with a message naming the field", async () => {
    const res = await postJson(`${sim.url}/v1/chat/completions`, {
      ...chatBody(),
      messages: [{ role: "user", content: [{ type: "audio" }] }],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; type: string };
    expect(body.type).toBe("BadRequestError");
    expect(body.message).toContain("messages.0.content");
  });

  it("describes the clip when there is no x_simulation, deterministically", async () => {
    const body = chatBody();
    delete body.x_simulation;
    const a = (await (await postJson(`${sim.url}/v1/chat/completions`, body)).json()) as { choices: { message: { content: string } }[] };
    const b = (await (await postJson(`${sim.url}/v1/chat/completions`, body)).json()) as { choices: { message: { content: string } }[] };
    expect(a.choices[0]?.message.content.length).toBeGreaterThan(100);
    expect(a.choices[0]?.message.content).toBe(b.choices[0]?.message.content);
  });

  it("returns n samples that differ, and cuts at max_tokens with finish_reason length", async () => {
    const res = await postJson(`${sim.url}/v1/chat/completions`, chatBody({ extra: { n: 3, max_tokens: 20 } }));
    const body = (await res.json()) as { choices: { index: number; finish_reason: string; message: { content: string } }[] };
    expect(body.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(body.choices.every((c) => c.finish_reason === "length")).toBe(true);
    expect(body.choices.every((c) => c.message.content.split(" ").length <= 16)).toBe(true);
    const full = (await (await postJson(`${sim.url}/v1/chat/completions`, chatBody({ extra: { n: 3 } }))).json()) as typeof body;
    expect(new Set(full.choices.map((c) => c.message.content)).size).toBe(3);
  });

  it("streams server-sent events that add up to the same text", async () => {
    const plain = await chatText(sim.url, { videoId: "stream-1" });
    const res = await postJson(`${sim.url}/v1/chat/completions`, chatBody({ videoId: "stream-1", extra: { stream: true } }));
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = (await res.text()).split("\n\n").filter((e) => e.startsWith("data: "));
    expect(events[events.length - 1]).toBe("data: [DONE]");
    const text = events
      .slice(0, -1)
      .map((e) => JSON.parse(e.slice(6)) as { choices: { delta: { content?: string } }[] })
      .map((chunk) => chunk.choices[0]?.delta.content ?? "")
      .join("");
    expect(text.trim()).toBe(plain);
  });
});

describe("embeddings", () => {
  const embed = async (input: string | string[]) => {
    const res = await postJson(`${sim.url}/v1/embeddings`, { model: "vstar-sim-embedding-256", input });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      object: string;
      data: { object: string; index: number; embedding: number[] }[];
      usage: { prompt_tokens: number };
    };
  };

  it("returns deterministic unit vectors in vLLM's list shape", async () => {
    const a = await embed(["a man opens the fridge", "two children build a sandcastle"]);
    expect(a.object).toBe("list");
    expect(a.data.map((d) => [d.object, d.index])).toEqual([
      ["embedding", 0],
      ["embedding", 1],
    ]);
    for (const d of a.data) expect(Math.hypot(...d.embedding)).toBeCloseTo(1, 6);
    expect((await embed("a man opens the fridge")).data[0]?.embedding).toEqual(a.data[0]?.embedding);
    expect(a.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it("scores a paraphrase above an unrelated sentence", async () => {
    const { data } = await embed(["a man opens the fridge", "the guy is opening a refrigerator", "a dog runs across a snowy field"]);
    const [caption, paraphrase, unrelated] = data.map((d) => d.embedding) as [number[], number[], number[]];
    expect(cosineSimilarity(caption, paraphrase)).toBeGreaterThan(cosineSimilarity(caption, unrelated) + 0.4);
  });

  it("404s for an unknown model", async () => {
    const res = await postJson(`${sim.url}/v1/embeddings`, { model: "bert-nope", input: "x" });
    expect(res.status).toBe(404);
  });
});

describe("adapters and models", () => {
  it("refuses adapters it never trained, and unknown unloads", async () => {
    const load = await postJson(`${sim.url}/v1/load_lora_adapter`, { lora_name: "x", lora_path: "/nowhere" });
    expect(load.status).toBe(400);
    expect(((await load.json()) as { message: string }).message).toContain("No adapter found for /nowhere");
    const missing = await postJson(`${sim.url}/v1/load_lora_adapter`, { lora_name: "x" });
    expect(missing.status).toBe(400);
    const unload = await postJson(`${sim.url}/v1/unload_lora_adapter`, { lora_name: "never-loaded" });
    expect(unload.status).toBe(404);
  });

  it("answers /health as a simulator", async () => {
    expect(await (await fetch(`${sim.url}/health`)).json()).toMatchObject({ ok: true, simulator: true, seed: 42 });
  });

  it("answers unknown routes with 404", async () => {
    expect((await fetch(`${sim.url}/v2/whatever`)).status).toBe(404);
    expect((await fetch(`${sim.url}/v1/chat/completions`)).status).toBe(405);
  });
});

describe("question answering (the Hugging Face task the released parser calls)", () => {
  const ask = (model: string, question: string, context: string) =>
    postJson(`${sim.url}/models/${model}`, { inputs: { question, context } });

  it("answers {answer, score, start, end} with offsets in code points, as Python counts them", async () => {
    const context = "🎬 He looks around. The answer is the fridge.";
    const res = await ask("distilbert/distilbert-base-cased-distilled-squad", "What does he open?", context);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answer: string; score: number; start: number; end: number };
    expect(body.answer).toBe("the fridge");
    expect([...context].slice(body.start, body.end).join("")).toBe("the fridge");
    expect(body.score).toBeGreaterThan(0.6);
  });

  it("404s for a model it does not serve", async () => {
    expect((await ask("deepset/roberta-base-squad2", "What?", "A cat.")).status).toBe(404);
  });
});
