import { z } from "zod";
import type { SimulationExtension } from "@/lib/backends/inference/simulation";

/** Request and reply shapes of the OpenAI-compatible API as vLLM and SGLang serve it. */

export type ContentPart =
  | { type: "text"; text: string }
  | { type: "video_url"; video_url: { url: string } }
  | { type: "image_url"; image_url: { url: string } };

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: ContentPart[] }
  | { role: "assistant"; content: string };

export interface ChatCompletionRequestBody {
  model: string;
  messages: ChatMessage[];
  temperature: number;
  max_tokens: number;
  n: 1;
  seed?: number;
  x_simulation?: SimulationExtension;
}

export const chatCompletionResponseSchema = z.object({
  id: z.string().optional(),
  object: z.string().optional(),
  model: z.string().min(1),
  choices: z
    .array(
      z.object({
        index: z.int().optional(),
        message: z.object({
          role: z.string().optional(),
          content: z.string({ error: "choices[0].message.content must be a string" }),
        }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1, "choices is empty"),
  usage: z
    .object({
      prompt_tokens: z.int().min(0),
      completion_tokens: z.int().min(0),
      total_tokens: z.int().min(0).optional(),
    })
    .nullable()
    .optional(),
});

type ChatCompletionResponse = z.output<typeof chatCompletionResponseSchema>;

/**
 * The reply as is when it plainly has the shape `chatCompletionResponseSchema` accepts, checked by
 * hand (a cycle reads thousands of replies a second; the schema's parse was a good part of that);
 * undefined otherwise, and the schema then decides (and explains a mismatch). Never accepts what
 * the schema refuses; keys the schema would strip are left on the object (nobody reads them).
 */
export function wellFormedChatCompletion(json: unknown): ChatCompletionResponse | undefined {
  if (!isRecord(json)) return undefined;
  if (!optionalString(json.id) || !optionalString(json.object)) return undefined;
  if (typeof json.model !== "string" || json.model.length === 0) return undefined;
  const { choices, usage } = json;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  for (const choice of choices) {
    if (!isRecord(choice) || !(choice.index === undefined || Number.isSafeInteger(choice.index))) return undefined;
    const message = choice.message;
    if (!isRecord(message) || !optionalString(message.role) || typeof message.content !== "string") return undefined;
    if (!(choice.finish_reason === null || optionalString(choice.finish_reason))) return undefined;
  }
  if (usage !== undefined && usage !== null) {
    if (!isRecord(usage) || !count(usage.prompt_tokens) || !count(usage.completion_tokens)) return undefined;
    if (!(usage.total_tokens === undefined || count(usage.total_tokens))) return undefined;
  }
  return json as ChatCompletionResponse;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

function count(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** GET /v1/models; LoRA cards carry `root` (the adapter path) and `parent` (the base model). */
export const modelListSchema = z.object({
  object: z.literal("list").optional(),
  data: z.array(
    z.object({
      id: z.string().min(1),
      object: z.string().optional(),
      owned_by: z.string().optional(),
      root: z.string().nullable().optional(),
      parent: z.string().nullable().optional(),
      max_model_len: z.int().nullable().optional(),
    }),
  ),
});

export type ModelList = z.infer<typeof modelListSchema>;

export interface LoadLoraAdapterRequestBody {
  lora_name: string;
  lora_path: string;
}

/** vLLM's ErrorResponse (older releases: flat; newer: nested under `error`). */
export const openAiErrorSchema = z.union([
  z.object({ object: z.literal("error").optional(), message: z.string(), type: z.string(), code: z.int() }),
  z.object({ error: z.object({ message: z.string(), type: z.string(), code: z.int() }) }),
]);
