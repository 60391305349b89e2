import type { Reply } from "@/lib/backends/testing/scripted-server";

/** A well-formed vLLM chat completion reply. */
export function chatReply(content: string, model = "Qwen/Qwen2.5-VL-7B-Instruct"): Reply {
  return {
    status: 200,
    body: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1_700_000_000,
      model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: 120, completion_tokens: 14, total_tokens: 134 },
    },
  };
}
