import type { CaptionLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { scoreSentences } from "@/lib/verifier/label-types/sentence-similarity";
import { candidatePart, comparisonOf, formatNumber, meetsThreshold, missingTarget, type TargetVerdict } from "@/lib/verifier/verdict";

/**
 * The answer sentence most similar to the caption must reach the threshold: embedding cosine when
 * an embedder is configured, otherwise the share of caption keywords in the sentence
 * (method "caption:lexical-fallback").
 */
export function verifyCaption(label: CaptionLabel, context: VerifyContext): TargetVerdict {
  const scored = scoreSentences(label, context);
  const basis = {
    labelType: "caption",
    threshold: scored.threshold,
    comparison: comparisonOf(scored.strict),
    method: `caption:${scored.method}`,
  } as const;
  const sentences = context.answer.sentences;
  let best = -1;
  scored.scores.forEach((score, i) => {
    if (best < 0 || score > (scored.scores[best] ?? 0)) best = i;
  });
  const sentence = sentences[best];
  if (sentence === undefined) return missingTarget(basis, "caption", context.target, "the answer has no sentences");
  const score = scored.scores[best] ?? 0;
  const passed = meetsThreshold(score, scored.threshold, scored.strict);
  const detail = scored.describe(best);
  const reason = `no sentence ${scored.strict ? "exceeds" : "reaches"} ${formatNumber(scored.threshold)}; closest: ${detail}`;
  const match = candidatePart({ passed, part: "caption", target: context.target, span: sentence, similarity: score, detail, reason });
  return { ...basis, passed, score, matches: [match] };
}
