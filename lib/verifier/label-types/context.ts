import type { VerifierConfig } from "@/lib/verifier/config";
import type { AnswerText } from "@/lib/verifier/text/answer-text";

/** Sentence similarity from embeddings computed ahead of the (synchronous) verification. */
export interface SemanticScorer {
  /** Names the model in verdict methods: "caption:embedding:<model>". */
  readonly model: string;
  /** Cosine similarity of the embeddings of two texts that were embedded beforehand. */
  similarity(a: string, b: string): number;
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
}
