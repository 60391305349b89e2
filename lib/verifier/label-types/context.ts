import type { VerifierConfig } from "@/lib/verifier/config";
import type { AnswerText } from "@/lib/verifier/text/answer-text";

/** Sentence similarity from embeddings computed ahead of the (synchronous) verification. */
export interface SemanticScorer {
  /** Names the model in verdict methods: "caption:embedding:<model>". */
  readonly model: string;
  /** Cosine similarity of the embeddings of two texts that were embedded beforehand. */
  similarity(a: string, b: string): number;
}

/** The stretch of the answer a question-answering model picked as answering the question. */
export interface AnswerSpan {
  readonly text: AnswerText;
  /** Offsets of the span in the whole answer. */
  readonly start: number;
  readonly end: number;
  /** The model's probability for the span. */
  readonly score: number;
  readonly model: string;
}

export interface VerifyContext {
  readonly answer: AnswerText;
  readonly config: VerifierConfig;
  /** Index of the target among the question's targets. */
  readonly target: number;
  /** Present when an embedder was configured; semantic types fall back to lexical matching without it. */
  readonly semantic?: SemanticScorer;
  /** The question's kind ("star-qa", "aqa-full"…): the `reference-code` preset picks the released rule by it. */
  readonly questionKind?: string;
  /** The answer's span for the question, where the released parser asks a question-answering model for one. */
  readonly answerSpan?: AnswerSpan;
  /** Why there is no answer span (no question-answering model, no question text), when a rule needs one. */
  readonly spanUnavailable?: string;
}
