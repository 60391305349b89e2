import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "../server";
import { chatBody, postJson } from "./test-kit";

// vLLM's documented response objects (OpenAI-compatible server), restated independently of the simulator's types.
const chatCompletionSchema = z.object({
  id: z.string().startsWith("chatcmpl-"),
  object: z.literal("chat.completion"),
  created: z.number().int().positive(),
  model: z.string().min(1),
  choices: z
    .array(
      z.object({
        index: z.number().int().min(0),
        message: z.object({ role: z.literal("assistant"), content: z.string().nullable(), tool_calls: z.array(z.unknown()).optional() }),
        logprobs: z.unknown().nullable(),
        finish_reason: z.enum(["stop", "length", "tool_calls", "abort"]).nullable(),
        stop_reason: z.union([z.string(), z.number()]).nullable().optional(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0), total_tokens: z.number().int().min(0) })
    .refine((u) => u.total_tokens === u.prompt_tokens + u.completion_tokens, "total_tokens must be the sum"),
  system_fingerprint: z.string().nullable().optional(),
});

const modelListSchema = z.object({
  object: z.literal("list"),
  data: z.array(
    z.object({
      id: z.string(),
      object: z.literal("model"),
      created: z.number().int(),
      owned_by: z.string(),
      root: z.string().nullable(),
      parent: z.string().nullable(),
    }),
  ),
});

const embeddingListSchema = z.object({
  object: z.literal("list"),
  model: z.string(),
  data: z.array(z.object({ object: z.literal("embedding"), index: z.number().int(), embedding: z.array(z.number()) })),
  usage: z.object({ prompt_tokens: z.number().int(), total_tokens: z.number().int() }),
});

const rayJobSchema = z.object({
  type: z.literal("SUBMISSION"),
  submission_id: z.string(),
  job_id: z.string().nullable(),
  status: z.enum(["PENDING", "RUNNING", "STOPPED", "SUCCEEDED", "FAILED"]),
  entrypoint: z.string(),
  message: z.string().nullable(),
  start_time: z.number().int().nullable(),
  end_time: z.number().int().nullable(),
  metadata: z.record(z.string(), z.string()).nullable(),
  runtime_env: z.record(z.string(), z.unknown()).nullable(),
});

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ trainingDurationMs: 50 });
});
afterAll(async () => {
  await sim.close();
});

describe("response shapes", () => {
  it("chat completions match vLLM's chat.completion", async () => {
    for (const mode of ["answer", "rationalization"] as const) {
      const res = await postJson(`${sim.url}/v1/chat/completions`, chatBody({ mode, extra: { n: 2 } }));
      expect(res.headers.get("content-type")).toContain("application/json");
      const parsed = chatCompletionSchema.safeParse(await res.json());
      expect(parsed.success ? "ok" : parsed.error.message).toBe("ok");
    }
  });

  it("models, embeddings and Ray jobs match their documented shapes", async () => {
    expect(modelListSchema.safeParse(await (await fetch(`${sim.url}/v1/models`)).json()).success).toBe(true);
    const embedding = await postJson(`${sim.url}/v1/embeddings`, { model: "vstar-sim-embedding-256", input: "hello" });
    expect(embeddingListSchema.safeParse(await embedding.json()).success).toBe(true);
    await postJson(`${sim.url}/api/jobs/`, {
      entrypoint: "echo",
      submission_id: "shape",
      metadata: { vstar_cycle_index: "1", vstar_output_dir: "/o" },
    });
    const job = rayJobSchema.safeParse(await (await fetch(`${sim.url}/api/jobs/shape`)).json());
    expect(job.success ? "ok" : job.error.message).toBe("ok");
    const list = z.array(rayJobSchema).safeParse(await (await fetch(`${sim.url}/api/jobs/`)).json());
    expect(list.success).toBe(true);
  });
});
