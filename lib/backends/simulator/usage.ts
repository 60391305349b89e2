/** Rough token accounting, in the spirit of a real tokenizer (about 1.3 tokens per word). */
import { countWords } from "./formatting";

const TOKENS_PER_WORD = 1.3;
/** Fixed prompt cost of one video part (a few hundred visual tokens per sampled frame group). */
const VIDEO_PART_TOKENS = 1176;
const IMAGE_PART_TOKENS = 256;
/** Chat-template tokens around each message. */
const MESSAGE_OVERHEAD_TOKENS = 4;

export function textTokens(text: string): number {
  return Math.ceil(countWords(text) * TOKENS_PER_WORD);
}

export interface PromptShape {
  texts: readonly string[];
  messageCount: number;
  videoParts: number;
  imageParts: number;
}

export function promptTokens(prompt: PromptShape): number {
  return (
    prompt.texts.reduce((sum, t) => sum + textTokens(t), 0) +
    prompt.messageCount * MESSAGE_OVERHEAD_TOKENS +
    prompt.videoParts * VIDEO_PART_TOKENS +
    prompt.imageParts * IMAGE_PART_TOKENS
  );
}

/** Cut `text` to fit `maxTokens` (whole words), as a model hitting max_tokens would. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  if (textTokens(text) <= maxTokens) return { text, truncated: false };
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const keep = Math.max(0, Math.floor(maxTokens / TOKENS_PER_WORD));
  return { text: words.slice(0, keep).join(" "), truncated: true };
}
