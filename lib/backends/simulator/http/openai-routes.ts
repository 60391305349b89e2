/** The vLLM OpenAI-compatible routes: models, chat completions, embeddings, LoRA adapters. */
import type { ServerResponse } from "node:http";
import { z } from "zod";
import { completeChat, streamChunks, SYSTEM_FINGERPRINT } from "../chat-completion";
import { chatCompletionRequestSchema } from "../chat-request";
import { embedText } from "../embeddings";
import { simulateAnswerSpan } from "../question-answering";
import { hexIdFrom } from "@/lib/random/seeded-random";
import type { SimulatorState } from "../simulator-state";
import { textTokens } from "../usage";
import { applyFault } from "./faulty-response";
import { describeZodError, sendJson, sendText, sendVllmError } from "./http-io";

function modelNotFound(res: ServerResponse, model: string): void {
  sendVllmError(res, 404, "NotFoundError", `The model \`${model}\` does not exist.`);
}

function badRequest(res: ServerResponse, message: string): void {
  sendVllmError(res, 400, "BadRequestError", message);
}

export function listModels(state: SimulatorState, res: ServerResponse): void {
  state.jobs.settle();
  sendJson(res, 200, { object: "list", data: state.registry.list() });
}

export async function chatCompletions(state: SimulatorState, res: ServerResponse, body: unknown): Promise<void> {
  const decision = state.faults.next();
  const id = `chatcmpl-sim-${hexIdFrom(24, state.seed, "completion", state.nextCompletionNumber())}`;
  const proceed = await applyFault(res, decision, state.options.timeoutHoldMs, () => ({
    invalidJson: `{"id":"${id}","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"The video sho`,
    missingField: {
      id,
      object: "chat.completion",
      created: Math.floor(state.now() / 1000),
      model: "unknown",
      system_fingerprint: SYSTEM_FINGERPRINT,
    },
  }));
  if (!proceed) return;

  const parsed = chatCompletionRequestSchema.safeParse(body);
  if (!parsed.success) return badRequest(res, `invalid chat completion request: ${describeZodError(parsed.error)}`);
  const request = parsed.data;
  const model = request.model ?? state.registry.baseModel;
  state.jobs.settle();
  const strength = state.registry.strengthOf(model);
  if (strength === undefined) return modelNotFound(res, model);

  const completion = completeChat(request, { seed: state.seed, model, strength, id, created: Math.floor(state.now() / 1000) });
  if (!request.stream) return sendJson(res, 200, completion);
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  for (const chunk of streamChunks(completion)) res.write(chunk);
  res.end();
}

const embeddingRequestSchema = z.object({
  model: z.string().min(1).optional(),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  encoding_format: z.enum(["float", "base64"]).default("float"),
  dimensions: z.number().int().positive().nullish(),
});

export async function embeddings(state: SimulatorState, res: ServerResponse, body: unknown): Promise<void> {
  const decision = state.faults.next();
  const proceed = await applyFault(res, decision, state.options.timeoutHoldMs, () => ({
    invalidJson: `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0123,-0.04`,
    missingField: { object: "list", model: state.registry.embeddingModel, usage: { prompt_tokens: 0, total_tokens: 0 } },
  }));
  if (!proceed) return;

  const parsed = embeddingRequestSchema.safeParse(body);
  if (!parsed.success) return badRequest(res, `invalid embedding request: ${describeZodError(parsed.error)}`);
  const request = parsed.data;
  const model = request.model ?? state.registry.embeddingModel;
  if (!state.registry.servesEmbeddings(model)) return modelNotFound(res, model);
  const inputs = typeof request.input === "string" ? [request.input] : request.input;
  if (request.dimensions != null && request.dimensions !== 256) {
    return badRequest(res, `dimensions: this model produces 256-dimensional embeddings, got a request for ${request.dimensions}`);
  }
  const promptTokens = inputs.reduce((sum, text) => sum + textTokens(text), 0);
  sendJson(res, 200, {
    id: `embd-sim-${hexIdFrom(24, state.seed, "embedding", state.nextCompletionNumber())}`,
    object: "list",
    created: Math.floor(state.now() / 1000),
    model,
    data: inputs.map((text, index) => {
      const vector = embedText(text);
      const embedding = request.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
      return { index, object: "embedding", embedding };
    }),
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens, completion_tokens: 0, prompt_tokens_details: null },
  });
}

const questionAnsweringRequestSchema = z.object({
  inputs: z.object({ question: z.string().min(1), context: z.string() }),
  parameters: z.record(z.string(), z.unknown()).optional(),
});

/** The Hugging Face question-answering task (`POST /models/<model>`), as the Inference API answers it. */
export async function questionAnswering(state: SimulatorState, res: ServerResponse, body: unknown, model: string): Promise<void> {
  const decision = state.faults.next();
  const proceed = await applyFault(res, decision, state.options.timeoutHoldMs, () => ({
    invalidJson: `{"answer":"the cu`,
    missingField: { score: 0.5 },
  }));
  if (!proceed) return;
  if (model !== state.options.questionAnsweringModel) return sendJson(res, 404, { error: `Model ${model} does not exist` });
  const parsed = questionAnsweringRequestSchema.safeParse(body);
  if (!parsed.success) return sendJson(res, 400, { error: `invalid question-answering request: ${describeZodError(parsed.error)}` });
  sendJson(res, 200, simulateAnswerSpan(parsed.data.inputs.question, parsed.data.inputs.context));
}

const loadRequestSchema = z.object({ lora_name: z.string().optional(), lora_path: z.string().optional() });
const unloadRequestSchema = z.object({ lora_name: z.string().optional(), lora_int_id: z.number().int().optional() });

export async function loadLoraAdapter(state: SimulatorState, res: ServerResponse, body: unknown): Promise<void> {
  const parsed = loadRequestSchema.safeParse(body);
  if (!parsed.success) return badRequest(res, `invalid load_lora_adapter request: ${describeZodError(parsed.error)}`);
  state.jobs.settle();
  const result = await state.registry.load(parsed.data.lora_name, parsed.data.lora_path);
  if (result.ok) return sendText(res, 200, result.message);
  sendVllmError(res, result.status, result.type, result.message);
}

export function unloadLoraAdapter(state: SimulatorState, res: ServerResponse, body: unknown): void {
  const parsed = unloadRequestSchema.safeParse(body);
  if (!parsed.success) return badRequest(res, `invalid unload_lora_adapter request: ${describeZodError(parsed.error)}`);
  const result = state.registry.unload(parsed.data.lora_name);
  if (result.ok) return sendText(res, 200, result.message);
  sendVllmError(res, result.status, result.type, result.message);
}
