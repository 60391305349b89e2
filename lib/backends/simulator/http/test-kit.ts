/** Helpers for the simulator's HTTP tests (not a test file itself). */
import type { Target } from "../targets";

export async function postJson(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...init });
}

export interface ChatOptions {
  model?: string;
  videoId?: string;
  question?: string;
  targets?: Target[];
  mode?: "answer" | "rationalization";
  questionKind?: string;
  extra?: Record<string, unknown>;
}

/** A chat-completions body as the product's client sends it: video part + answer prompt + x_simulation. */
export function chatBody(options: ChatOptions = {}): Record<string, unknown> {
  const question = options.question ?? "What is the person doing in this video?";
  return {
    model: options.model ?? "Qwen2.5-VL-7B-Instruct",
    messages: [
      {
        role: "user",
        content: [
          { type: "video_url", video_url: { url: `http://media.local/${options.videoId ?? "clip-1"}.mp4` } },
          { type: "text", text: `Question: ${question}.\nCan you explain step-by-step how one can arrive at this conclusion?` },
        ],
      },
    ],
    temperature: 0.2,
    max_tokens: 1024,
    x_simulation: {
      videoId: options.videoId ?? "clip-1",
      targets: options.targets ?? [{ labelType: "class", label: "playing cello" }],
      mode: options.mode ?? "answer",
      questionKind: options.questionKind ?? "kinetics-action",
    },
    ...options.extra,
  };
}

export async function chatText(baseUrl: string, options: ChatOptions = {}): Promise<string> {
  const res = await postJson(`${baseUrl}/v1/chat/completions`, chatBody(options));
  if (res.status !== 200) throw new Error(`chat completion failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { choices: { message: { content: string } }[] };
  return body.choices[0]?.message.content ?? "";
}
