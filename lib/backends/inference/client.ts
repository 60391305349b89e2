import { z } from "zod";
import type { InferenceBackendConfig } from "@/lib/backends/config";
import { HttpStatusError, LoraConflictError } from "@/lib/backends/errors";
import { JsonApi } from "@/lib/backends/http/json-api";
import { ResilientCaller, type ResilienceDeps } from "@/lib/backends/http/resilient-caller";
import { isSuccess } from "@/lib/backends/http/send";
import { FrameSampler } from "@/lib/backends/inference/frames";
import { buildMessages, imageUrlParts, videoUrlPart } from "@/lib/backends/inference/messages";
import {
  chatCompletionResponseSchema,
  modelListSchema,
  type ChatCompletionRequestBody,
  type ContentPart,
  type LoadLoraAdapterRequestBody,
  type ModelList,
  wellFormedChatCompletion,
} from "@/lib/backends/inference/protocol";
import { simulationExtensionSchema } from "@/lib/backends/inference/simulation";
import {
  completeSampling,
  samplingSchema,
  type Checkpoint,
  type GenerateRequest,
  type GenerateResult,
  type VideoRef,
} from "@/lib/backends/inference/types";

export interface InferenceClientDeps extends ResilienceDeps {
  frameSampler?: FrameSampler;
}

export type ServedModel = ModelList["data"][number];

/**
 * Client of one OpenAI-compatible inference backend (vLLM, SGLang, or the simulator). Create one
 * per backend per process and share it: the concurrency limit and the circuit breaker live in it.
 */
export class InferenceClient {
  private readonly caller: ResilientCaller;
  private readonly api: JsonApi;
  private readonly frameSampler: FrameSampler;
  /** Adapters this process already made sure are served, shared by concurrent requests. */
  private readonly loadedAdapters = new Map<string, Promise<void>>();

  constructor(
    readonly config: InferenceBackendConfig,
    deps: InferenceClientDeps = {},
  ) {
    this.caller = new ResilientCaller(
      { name: `inference ${config.baseUrl}`, maxConcurrency: config.maxConcurrency, retry: config.retries, breaker: config.breaker },
      deps,
    );
    const headers: Record<string, string> = config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {};
    this.api = new JsonApi({ baseUrl: config.baseUrl, headers, timeoutMs: config.timeoutMs, caller: this.caller, now: deps.now });
    this.frameSampler = deps.frameSampler ?? new FrameSampler();
  }

  get isSimulator(): boolean {
    return this.config.kind === "simulator";
  }

  get circuitState() {
    return this.caller.circuitState;
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const checkpoint = request.checkpoint ?? { kind: "base" };
    // The base model and a clip by URL need no waiting: no await (each is a turn of the event loop's queue).
    const model = checkpoint.kind === "base" ? this.config.model : await this.resolveModel(checkpoint, request.signal);
    const media = this.config.videoInput === "video_url" ? [videoUrlPart(request.video.url)] : await this.frameParts(request.video);
    const body = this.chatBody(request, model, media);
    const {
      value: reply,
      attempts,
      latencyMs,
    } = await this.api.call({
      method: "POST",
      path: "/v1/chat/completions",
      json: body,
      signal: request.signal,
      reply: chatCompletionResponseSchema,
      fastReply: wellFormedChatCompletion,
    });
    const choice = reply.choices[0];
    if (!choice) throw new Error("unreachable: the reply schema requires one choice");
    return {
      text: choice.message.content,
      model: reply.model,
      latencyMs,
      promptTokens: reply.usage?.prompt_tokens ?? null,
      completionTokens: reply.usage?.completion_tokens ?? null,
      finishReason: choice.finish_reason ?? null,
      attempts,
    };
  }

  /** The model name to request for a checkpoint, loading its LoRA adapter first if needed. */
  async resolveModel(checkpoint: Checkpoint, signal?: AbortSignal): Promise<string> {
    if (checkpoint.kind === "base") return this.config.model;
    let loading = this.loadedAdapters.get(checkpoint.name);
    if (!loading) {
      loading = this.loadLoraAdapter(checkpoint.name, checkpoint.path, signal);
      this.loadedAdapters.set(checkpoint.name, loading);
      loading.catch(() => this.loadedAdapters.delete(checkpoint.name));
    }
    await loading;
    return checkpoint.name;
  }

  async listModels(signal?: AbortSignal): Promise<ServedModel[]> {
    const { value } = await this.api.call({ method: "GET", path: "/v1/models", signal, reply: modelListSchema });
    return value.data;
  }

  /**
   * POST /v1/load_lora_adapter, idempotently: a 400 because the name is already served counts as
   * success once /v1/models confirms the name is served from the same path.
   */
  async loadLoraAdapter(name: string, path: string, signal?: AbortSignal): Promise<void> {
    const body: LoadLoraAdapterRequestBody = { lora_name: name, lora_path: path };
    try {
      await this.api.call({
        method: "POST",
        path: "/v1/load_lora_adapter",
        json: body,
        signal,
        // vLLM answers success in plain text ("Success: LoRA adapter ... added successfully."), so
        // every 2xx is accepted by `rescue` and the JSON schema is never consulted.
        reply: z.literal(true),
        rescue: (response) => (isSuccess(response) ? true : undefined),
      });
    } catch (error) {
      if (!(error instanceof HttpStatusError) || error.status !== 400) throw error;
      const served = (await this.listModels(signal)).find((model) => model.id === name);
      if (!served) throw error;
      if (served.root && withoutTrailingSlash(served.root) !== withoutTrailingSlash(path)) {
        throw new LoraConflictError(name, path, served.root);
      }
    }
  }

  private chatBody(request: GenerateRequest, model: string, media: ContentPart[]): ChatCompletionRequestBody {
    const sampling = completeSampling(request.sampling) ?? samplingSchema.parse(request.sampling ?? {});
    const body: ChatCompletionRequestBody = {
      model,
      messages: buildMessages({ system: request.system, prompt: request.prompt, media }),
      temperature: sampling.temperature,
      max_tokens: sampling.maxTokens,
      n: 1,
    };
    if (sampling.seed !== undefined) body.seed = sampling.seed;
    if (this.isSimulator && request.simulation) body.x_simulation = simulationExtensionSchema.parse(request.simulation);
    return body;
  }

  private async frameParts(video: VideoRef): Promise<ContentPart[]> {
    return imageUrlParts(await this.frameSampler.sampleDataUrls(video.localPath ?? video.url, this.config.frames));
  }
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}
