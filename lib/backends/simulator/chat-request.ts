/** The OpenAI-compatible chat-completions request, as vLLM accepts it for video models. */
import { z } from "zod";
import { hashParts } from "@/lib/random/seeded-random";
import { simulationRequestSchema } from "./targets";
import type { PromptShape } from "./usage";

const contentPartSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string() }),
  z.object({ type: z.literal("video_url"), video_url: z.object({ url: z.string().min(1) }) }),
  z.object({ type: z.literal("image_url"), image_url: z.object({ url: z.string().min(1) }) }),
]);

const messageSchema = z.object({
  role: z.enum(["system", "user", "assistant", "tool", "developer"]),
  content: z.union([z.string(), z.array(contentPartSchema), z.null()]).optional(),
});

export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1).optional(),
  messages: z.array(messageSchema).min(1),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  n: z.number().int().min(1).max(16).nullish(),
  seed: z.number().int().nullish(),
  stream: z.boolean().nullish(),
  x_simulation: simulationRequestSchema.optional(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

export interface ParsedPrompt extends PromptShape {
  /** All prompt text joined, as the answer generator sees it. */
  text: string;
  /** Identifies the clip for requests without x_simulation (hashes of the media URLs). */
  videoRef: string;
}

export function parsePrompt(request: ChatCompletionRequest): ParsedPrompt {
  const texts: string[] = [];
  const media: string[] = [];
  let videoParts = 0;
  let imageParts = 0;
  for (const message of request.messages) {
    if (typeof message.content === "string") texts.push(message.content);
    for (const part of Array.isArray(message.content) ? message.content : []) {
      if (part.type === "text") texts.push(part.text);
      if (part.type === "video_url") {
        videoParts++;
        media.push(`v${mediaKey(part.video_url.url)}`);
      }
      if (part.type === "image_url") {
        imageParts++;
        media.push(`i${mediaKey(part.image_url.url)}`);
      }
    }
  }
  return {
    text: texts.join("\n"),
    texts,
    messageCount: request.messages.length,
    videoParts,
    imageParts,
    videoRef: media.join(","),
  };
}

/** A short key for a media URL; large data: URLs are keyed by length and their two ends. */
function mediaKey(url: string): string {
  if (url.length <= 4096) return String(hashParts(url));
  return `${url.length}-${hashParts(url.slice(0, 2048), url.slice(-2048))}`;
}
