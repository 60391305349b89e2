import { z } from "zod";
import type { EmbeddingsBackendConfig } from "@/lib/backends/config";
import { MalformedReplyError } from "@/lib/backends/errors";
import { JsonApi } from "@/lib/backends/http/json-api";
import { ResilientCaller, type ResilienceDeps } from "@/lib/backends/http/resilient-caller";
import { modelListSchema, type ModelList } from "@/lib/backends/inference/protocol";
import type { Embedder } from "@/lib/verifier/embeddings/embedder";
import type { ExtractedSpan, SpanExtractor } from "@/lib/verifier/embeddings/span-extractor";

/** `POST /v1/embeddings` → `{data: [{embedding, index}], model, usage}`, one vector per input, each index once. */
function embeddingsReplySchema(inputs: number) {
  return z
    .object({
      data: z.array(z.object({ index: z.int().min(0), embedding: z.array(z.number()) })),
      model: z.string().optional(),
    })
    .superRefine((reply, context) => {
      if (reply.data.length !== inputs)
        context.addIssue({ code: "custom", path: ["data"], message: `${reply.data.length} embeddings for ${inputs} inputs` });
      const seen = new Set<number>();
      for (const item of reply.data) {
        if (item.index >= inputs || seen.has(item.index))
          context.addIssue({ code: "custom", path: ["data"], message: `bad or repeated index ${item.index} (${inputs} inputs)` });
        seen.add(item.index);
      }
    });
}

const answerSchema = z.object({ answer: z.string(), score: z.number().min(0).max(1), start: z.int().min(0), end: z.int().min(0) });
/** The Hugging Face question-answering task answers one object, or a list of them (best first). */
const questionAnsweringReplySchema = z.union([answerSchema, z.array(answerSchema).min(1)]);

/**
 * Client of one embeddings backend: sentence embeddings for the verifier (batched, the batches
 * sent concurrently up to `maxConcurrency`) and, when configured, its extractive question-answering
 * model. Failures are typed BackendErrors, retried with back-off behind a circuit breaker, as the
 * inference client's are: a verdict is never made without them. One client per backend per process.
 */
export class EmbeddingsClient implements Embedder {
  private readonly caller: ResilientCaller;
  private readonly api: JsonApi;

  constructor(
    readonly config: EmbeddingsBackendConfig,
    deps: ResilienceDeps = {},
  ) {
    this.caller = new ResilientCaller(
      { name: `embeddings ${config.baseUrl}`, maxConcurrency: config.maxConcurrency, retry: config.retries, breaker: config.breaker },
      deps,
    );
    const headers: Record<string, string> = config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {};
    this.api = new JsonApi({ baseUrl: config.baseUrl, headers, timeoutMs: config.timeoutMs, caller: this.caller, now: deps.now });
  }

  get model(): string {
    return this.config.model;
  }

  get isSimulator(): boolean {
    return this.config.kind === "simulator";
  }

  get circuitState() {
    return this.caller.circuitState;
  }

  /** One vector per text, in order; `maxBatchSize` texts per request. */
  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const batches: string[][] = [];
    for (let from = 0; from < texts.length; from += this.config.maxBatchSize)
      batches.push(texts.slice(from, from + this.config.maxBatchSize));
    const results = await Promise.all(batches.map((input) => this.embedBatch(input, signal)));
    return results.flat();
  }

  private async embedBatch(input: string[], signal?: AbortSignal): Promise<number[][]> {
    const { value } = await this.api.call({
      method: "POST",
      path: "/v1/embeddings",
      json: { model: this.config.model, input, encoding_format: "float" },
      signal,
      reply: embeddingsReplySchema(input.length),
    });
    const vectors: number[][] = new Array(input.length);
    for (const item of value.data) vectors[item.index] = item.embedding;
    return vectors;
  }

  /** The question-answering model as the verifier's span extractor; undefined when the backend has none. */
  spanExtractor(signal?: AbortSignal): SpanExtractor | undefined {
    const qa = this.config.questionAnswering;
    if (qa === undefined) return undefined;
    return { spanModel: qa.model, extractSpan: (question, context) => this.extractSpan(question, context, signal) };
  }

  /** The span of `context` that answers `question`, with offsets turned into JavaScript string offsets. */
  async extractSpan(question: string, context: string, signal?: AbortSignal): Promise<ExtractedSpan> {
    const qa = this.config.questionAnswering;
    if (qa === undefined) throw new Error(`embeddings backend ${this.config.baseUrl} has no question-answering model configured`);
    const path = qa.path ?? `/models/${qa.model}`;
    const { value } = await this.api.call({
      method: "POST",
      path,
      json: { inputs: { question, context } },
      signal,
      reply: questionAnsweringReplySchema,
    });
    const best = Array.isArray(value) ? (value[0] as z.infer<typeof answerSchema>) : value;
    const span = locateSpan(context, best);
    if (span === undefined) {
      const url = this.api.url(path);
      throw new MalformedReplyError(
        url,
        `the answer ${JSON.stringify(best.answer)} is not at ${best.start}–${best.end} of the context`,
        "",
      );
    }
    return span;
  }

  async listModels(signal?: AbortSignal): Promise<ModelList["data"]> {
    const { value } = await this.api.call({ method: "GET", path: "/v1/models", signal, reply: modelListSchema });
    return value.data;
  }
}

/**
 * The reply's offsets count code points (Python string indices); JavaScript counts UTF-16 units.
 * Servers that count like JavaScript are accepted too, and an answer at other offsets is looked up.
 */
function locateSpan(context: string, reply: z.infer<typeof answerSchema>): ExtractedSpan | undefined {
  const candidates = [[utf16Offset(context, reply.start), utf16Offset(context, reply.end)] as const, [reply.start, reply.end] as const];
  for (const [start, end] of candidates) {
    if (end <= context.length && start <= end && context.slice(start, end).trim() === reply.answer.trim())
      return { answer: context.slice(start, end), start, end, score: reply.score };
  }
  const found = reply.answer === "" ? -1 : context.indexOf(reply.answer);
  return found < 0 ? undefined : { answer: reply.answer, start: found, end: found + reply.answer.length, score: reply.score };
}

function utf16Offset(text: string, codePoints: number): number {
  let index = 0;
  for (let counted = 0; counted < codePoints && index < text.length; counted++) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}
