import type { Target } from "@/lib/verifier";
import type { CuratedExample } from "../db/export-repository";
import { renderPrompt } from "../prompts";
import type { InstructionExample } from "./instruction-data";

/**
 * One training example per kept generation: the user turn is `<video>\n` and the bare question (as
 * the released code writes its records, videostar/data_generation.py) or, as an option, the answer
 * prompt around it; the rationale or answer is the assistant turn. A rationalization is trained as
 * if the model had answered without being told the label (STaR): the label never appears in the input.
 */
export interface ExampleContext {
  /** The user turn's text after the `<video>` token: the question, or the rendered answer prompt. */
  userTurn: string;
  /** The clip as the trainer reads it (LLaMA-Factory: an absolute path on the cluster). */
  videoPath: string;
  /** The clip relative to the media root (Video-LLaVA's video folder). */
  relativeVideoPath: string;
  cycleId: number;
  labels: Target[];
}

/**
 * The user turn's text after `<video>\n`: the bare question ("question", as videostar/data_generation.py
 * writes its records), or the answer prompt rendered around it ("prompt": the chain-of-thought prompt
 * the model was asked with, as the released code's `rationale_prompt` builds it).
 */
export function userTurnOf(userTurn: "question" | "prompt", answerPrompt: string, question: string): string {
  return userTurn === "prompt" ? renderPrompt(answerPrompt, { question }) : question.trim();
}

/** Video-LLaVA's training list item. */
export function videoLlavaItem(example: CuratedExample, context: ExampleContext) {
  return {
    id: `c${context.cycleId}-g${example.generationId}`,
    video: context.relativeVideoPath,
    conversations: [
      { from: "human", value: `<video>\n${context.userTurn}` },
      { from: "gpt", value: example.text },
    ],
  };
}

/** LLaMA-Factory's sharegpt item with role/content messages and a videos column. */
export function llamaFactoryItem(example: CuratedExample, context: ExampleContext) {
  return {
    messages: [
      { role: "user", content: `<video>\n${context.userTurn}` },
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
    simulated: example.simulated,
  };
}

/** A general instruction example as a Video-LLaVA list item (media paths as the file wrote them). */
export function videoLlavaInstructionItem(example: InstructionExample, id: string) {
  const [image] = example.images;
  const [video] = example.videos;
  return {
    id,
    ...(image === undefined ? {} : { image }),
    ...(video === undefined ? {} : { video }),
    conversations: example.turns.map((turn) => ({ from: turn.role === "user" ? "human" : "gpt", value: turn.content })),
  };
}

/** A general instruction example as a LLaMA-Factory sharegpt item, media paths mapped by `mediaPath`. */
export function llamaFactoryInstructionItem(example: InstructionExample, mediaPath: (media: string) => string) {
  return {
    messages: example.turns.map((turn) => ({ role: turn.role, content: turn.content })),
    ...(example.images.length === 0 ? {} : { images: example.images.map(mediaPath) }),
    ...(example.videos.length === 0 ? {} : { videos: example.videos.map(mediaPath) }),
  };
}
