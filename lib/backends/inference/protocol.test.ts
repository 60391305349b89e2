import { expect, test } from "vitest";
import { loadFixture } from "@/lib/backends/testing/fixtures";
import { chatCompletionResponseSchema, wellFormedChatCompletion } from "./protocol";

const vllmReply = loadFixture("vllm/chat-completions-video-url").response.body as Record<string, unknown>;
const choice = (vllmReply.choices as Record<string, unknown>[])[0]!;
const message = choice.message as Record<string, unknown>;

test("a vLLM reply is taken as is, with what the schema would read from it", () => {
  const reply = wellFormedChatCompletion(vllmReply);
  expect(reply).toBe(vllmReply);
  const parsed = chatCompletionResponseSchema.parse(vllmReply);
  expect(reply?.model).toBe(parsed.model);
  expect(reply?.choices[0]?.message.content).toBe(parsed.choices[0]?.message.content);
  expect(reply?.choices[0]?.finish_reason).toBe(parsed.choices[0]?.finish_reason);
  expect(reply?.usage).toMatchObject(parsed.usage ?? {});
});

// Each is refused by the schema: the hand check must leave it to the schema (which explains why).
const refused: [string, unknown][] = [
  ["not an object", [vllmReply]],
  ["no model", { ...vllmReply, model: "" }],
  ["no choices", { ...vllmReply, choices: [] }],
  ["content not a string", { ...vllmReply, choices: [{ ...choice, message: { ...message, content: null } }] }],
  ["a later choice malformed", { ...vllmReply, choices: [choice, { ...choice, index: 1.5 }] }],
  ["finish_reason a number", { ...vllmReply, choices: [{ ...choice, finish_reason: 1 }] }],
  ["negative usage", { ...vllmReply, usage: { prompt_tokens: -1, completion_tokens: 3 } }],
  ["fractional usage", { ...vllmReply, usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4.5 } }],
  ["id a number", { ...vllmReply, id: 7 }],
];

test.each(refused)("a reply the schema refuses (%s) is not taken by the hand check", (_, reply) => {
  expect(chatCompletionResponseSchema.safeParse(reply).success).toBe(false);
  expect(wellFormedChatCompletion(reply)).toBeUndefined();
});

test("a reply without usage, or with null usage and finish_reason, is taken", () => {
  const { usage: _usage, ...withoutUsage } = vllmReply;
  for (const reply of [withoutUsage, { ...vllmReply, usage: null, choices: [{ ...choice, finish_reason: null }] }]) {
    expect(chatCompletionResponseSchema.safeParse(reply).success).toBe(true);
    expect(wellFormedChatCompletion(reply)).toBe(reply);
  }
});
