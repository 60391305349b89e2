import type { LabelType } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { notAppliedVerdict } from "@/lib/verifier/released/outcome";
import { describeSpan, missingSpanReason } from "@/lib/verifier/released/span";
import { splitSentences, type Span } from "@/lib/verifier/text/sentences";
import { formatNumber, type PartMatch, type TargetVerdict } from "@/lib/verifier/verdict";

export interface SentenceRule {
  /** `sentence_sequence` (ordered) or `sentence` (each item anywhere). */
  readonly ordered: boolean;
  readonly threshold: number;
  /**
   * True where the released parser first cuts the answer down to the span a question-answering
   * model picks (`extract_from_question`, whatever its score): only the span's sentences are compared.
   */
  readonly extractsSpan: boolean;
}

/** The label side of the rule: a list as it is, a string split into sentences (`split_into_sentences`). */
export function sentenceItems(label: string | readonly string[]): string[] {
  return typeof label === "string" ? splitSentences(label).map((sentence) => sentence.text) : [...label];
}

/**
 * videostar/verifier.py `sequence_with_embeddings` → `eval_sim_matrix`: cosine similarities between
 * the label's items and the answer's sentences (or the span's, where the parser cut one out).
 * Unordered, every item needs a sentence at or above the threshold; ordered, each item's most
 * similar sentence must reach it and come no earlier than the previous item's. Without embeddings,
 * or without the span the parser needs, the rule cannot be applied.
 */
export function verifySentenceEmbeddings(
  labelType: LabelType,
  label: string | readonly string[],
  rule: SentenceRule,
  context: VerifyContext,
): TargetVerdict {
  const name = rule.ordered ? "released-sentence-sequence" : "released-sentence";
  const semantic = context.semantic;
  const items = sentenceItems(label);
  const part = items.join(" / ");
  if (semantic === undefined) {
    return notAppliedVerdict(labelType, `${labelType}:${name}`, part, context.target, "no embeddings backend is configured");
  }
  let sentences: readonly Span[] = context.answer.sentences;
  let where = "";
  if (rule.extractsSpan) {
    const span = context.answerSpan;
    if (span === undefined) return notAppliedVerdict(labelType, `${labelType}:${name}`, part, context.target, missingSpanReason(context));
    sentences = spanSentences(span.text.sentences, span.start);
    where = ` in the span ${describeSpan(span)}`;
  }
  const method = `${labelType}:${name}:${semantic.model}${rule.extractsSpan ? ":qa-span" : ""}`;
  const basis = { labelType, threshold: rule.threshold, comparison: ">=", method } as const;
  if (sentences.length === 0 || items.length === 0) {
    const reason = `the ${rule.extractsSpan ? "span" : "answer"} has no sentences (the released code returns False)`;
    return { ...basis, passed: false, score: 0, matches: [{ matched: false, part, target: context.target, reason }] };
  }
  const matches: PartMatch[] = [];
  let passed = true;
  let score = 1;
  let lastIndex = -1;
  for (const item of items) {
    let bestIndex = 0;
    let best = Number.NEGATIVE_INFINITY;
    sentences.forEach((sentence, i) => {
      const similarity = semantic.similarity(item, sentence.text);
      if (similarity > best) {
        best = similarity;
        bestIndex = i;
      }
    });
    const sentence = sentences[bestIndex] as Span;
    const similarity = Math.max(0, best);
    score = Math.min(score, similarity);
    const detail = `cosine ${formatNumber(best)} (${semantic.model})${where}`;
    const reachesThreshold = best >= rule.threshold;
    if (!reachesThreshold) {
      passed = false;
      const reason = `no sentence reaches ${rule.threshold}; closest: ${detail}`;
      matches.push({ matched: false, part: item, group: item, target: context.target, reason, closest: { ...sentence, similarity } });
    } else {
      matches.push({ matched: true, part: item, group: item, target: context.target, ...sentence, similarity, detail });
    }
    if (rule.ordered) {
      if (bestIndex < lastIndex) {
        passed = false;
        score = 0;
        matches.push({
          matched: false,
          part: "order",
          target: context.target,
          reason: `"${item}" is closest to sentence ${bestIndex + 1}, before sentence ${lastIndex + 1} of the previous item`,
        });
      }
      // The released loop stops at the first failure.
      if (!passed) break;
      lastIndex = bestIndex;
    }
  }
  return { ...basis, passed, score, matches };
}

/** The span's sentences with offsets into the whole answer. */
function spanSentences(sentences: readonly Span[], offset: number): Span[] {
  return sentences.map((sentence) => ({ ...sentence, start: sentence.start + offset, end: sentence.end + offset }));
}
