import type { Target } from "@/lib/verifier";
import type { CuratedExample } from "../db/export-repository";

/**
 * One training example per kept generation. The user turn is the answer prompt with the question
 * only — a rationalization is trained as if the model had answered without being told the label
 * (STaR), and the label never appears in the input.
 */
export interface ExampleContext {
  userPrompt: string;
  /** The clip as the trainer reads it (LLaMA-Factory: an absolute path on the cluster). */
  videoPath: string;
  /** The clip relative to the media root (Video-LLaVA's video folder). */
  relativeVideoPath: string;
  cycleId: number;
  labels: Target[];
}

/** Video-LLaVA's training list item. */
export function videoLlavaItem(example: CuratedExample, context: ExampleContext) {
  return {
    id: `c${context.cycleId}-g${example.generationId}`,
    video: context.relativeVideoPath,
    conversations: [
      { from: "human", value: `<video>\n${context.userPrompt}` },
      { from: "gpt", value: example.text },
    ],
  };
}

/** LLaMA-Factory's sharegpt item with role/content messages and a videos column. */
export function llamaFactoryItem(example: CuratedExample, context: ExampleContext) {
  return {
    messages: [
      { role: "user", content: `<video>${context.userPrompt}` },
      { role: "assistant", content: example.text },
    ],
    videos: [context.videoPath],
  };
}

/** Everything about the example, for analysis outside the product. */
export function jsonlItem(example: CuratedExample, context: ExampleContext) {
  return {
    generationId: example.generationId,
    cycleId: context.cycleId,
    dataset: example.dataset,
    questionId: example.questionId,
    question: example.question,
    questionKind: example.kind,
    targets: context.labels,
    mode: example.mode.toLowerCase(),
    sampleIndex: example.sampleIndex,
    prompt: example.prompt,
    answer: example.text,
    video: { id: example.videoId, key: example.videoKey, path: context.relativeVideoPath },
    verdict: { passed: true, score: example.score, method: example.method },
  };
}
