import type { ChatMessage, ContentPart } from "@/lib/backends/inference/protocol";

/** Video first, then the question: the order Qwen-VL and LLaVA-style chat templates expect. */
export function buildMessages(options: { system?: string; prompt: string; media: ContentPart[] }): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (options.system) messages.push({ role: "system", content: options.system });
  messages.push({ role: "user", content: [...options.media, { type: "text", text: options.prompt }] });
  return messages;
}

export function videoUrlPart(url: string): ContentPart {
  return { type: "video_url", video_url: { url } };
}

export function imageUrlParts(dataUrls: string[]): ContentPart[] {
  return dataUrls.map((url) => ({ type: "image_url", image_url: { url } }));
}
