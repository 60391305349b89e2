import { keywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { labelKeywords } from "@/lib/verifier/keywords/label-keywords";
import { sentenceCoverage } from "@/lib/verifier/keywords/sentence-coverage";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { formatNumber } from "@/lib/verifier/verdict";

/** Similarity of a label text to each sentence of the answer, by embeddings or lexically. */
export interface SentenceScores {
  /** One score per `context.answer.sentences` entry. */
  readonly scores: readonly number[];
  /** "embedding:<model>" or "lexical-fallback". */
  readonly method: string;
  readonly threshold: number;
  readonly strict: boolean;
  describe(sentence: number): string;
}

export function scoreSentences(text: string, context: VerifyContext): SentenceScores {
  const { caption } = context.config;
  const sentences = context.answer.sentences;
  const semantic = context.semantic;
  if (semantic !== undefined) {
    const scores = sentences.map((sentence) => semantic.similarity(text, sentence.text));
    return {
      scores,
      method: `embedding:${semantic.model}`,
      threshold: caption.threshold,
      strict: caption.strict,
      describe: (i) => `cosine ${formatNumber(scores[i] ?? 0)} (${semantic.model})`,
    };
  }
  const rule = keywordRule(context.config.keyword);
  const keywords = labelKeywords(text, rule);
  const coverage = sentenceCoverage(keywords, context.answer, rule);
  return {
    scores: coverage.map((entry) => entry.coverage),
    method: "lexical-fallback",
    threshold: caption.lexicalThreshold,
    strict: caption.strict,
    describe: (i) => {
      const entry = coverage[i];
      const found = entry === undefined || entry.found.length === 0 ? "none" : entry.found.join(", ");
      return `lexical fallback: ${entry?.found.length ?? 0} of ${keywords.parts.length} keywords (${found})`;
    },
  };
}
