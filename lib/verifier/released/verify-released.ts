import type { Target } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { ORDERED_SENTENCE_THRESHOLD, releasedRuleFor, releasedRuleReadsSpan } from "@/lib/verifier/released/assignment";
import { verifyTwoDimRange } from "@/lib/verifier/released/bbox";
import { verifyAbsFloat } from "@/lib/verifier/released/float";
import { notAppliedVerdict } from "@/lib/verifier/released/outcome";
import { verifySameOrNot } from "@/lib/verifier/released/same";
import { sentenceItems, verifySentenceEmbeddings } from "@/lib/verifier/released/sentences";
import { missingSpanReason, shiftedIntoAnswer } from "@/lib/verifier/released/span";
import { verifyTemporalRange } from "@/lib/verifier/released/temporal-range";
import { verifyNormalizedFloat } from "@/lib/verifier/released/timestamp";
import { verifyWordMatching } from "@/lib/verifier/released/word-matching";
import type { TargetVerdict } from "@/lib/verifier/verdict";

/**
 * The `reference-code` preset: the released code's verdict on a target (videostar/verifier.py),
 * with the rule its data generation assigns to the question's kind, on the answer as
 * `PredictionParser.parse` prepares it (the question-answering span where it asks for one).
 */
export function verifyReleased(target: Target, context: VerifyContext): TargetVerdict {
  const rule = releasedRuleFor(target, context.questionKind);
  switch (rule.kind) {
    case "word-matching": {
      if (!rule.extractsSpan) return verifyWordMatching(target.labelType, rule.text, context);
      const span = context.answerSpan;
      const method = `${target.labelType}:released-word-matching`;
      if (span === undefined) return notAppliedVerdict(target.labelType, method, rule.text, context.target, missingSpanReason(context));
      const verdict = verifyWordMatching(target.labelType, rule.text, { ...context, answer: span.text });
      return { ...shiftedIntoAnswer(verdict, span), method: verdict.method.replace(method, `${method}:qa-span`) };
    }
    case "sentence": {
      const threshold = rule.ordered ? ORDERED_SENTENCE_THRESHOLD : context.config.caption.threshold;
      return verifySentenceEmbeddings(
        target.labelType,
        rule.items,
        { ordered: rule.ordered, threshold, extractsSpan: rule.extractsSpan },
        context,
      );
    }
    case "abs-float":
      return verifyAbsFloat(target.label as Extract<Target, { labelType: "float" }>["label"], context);
    case "two-dim-range":
      return verifyTwoDimRange(target.label as Extract<Target, { labelType: "bbox" }>["label"], context);
    case "normalized-float":
      return verifyNormalizedFloat(target.label as Extract<Target, { labelType: "timestamp" }>["label"], context);
    case "same-or-not":
      return verifySameOrNot(target.label as Extract<Target, { labelType: "same" }>["label"], context);
    case "temporal-range":
      return verifyTemporalRange(target.label as Extract<Target, { labelType: "interval" }>["label"], context);
  }
}

/** Label texts the released rule embeds for this target (none when it is not a sentence rule). */
export function releasedEmbeddingTexts(target: Target, questionKind: string | undefined): string[] {
  const rule = releasedRuleFor(target, questionKind);
  return rule.kind === "sentence" ? sentenceItems(rule.items) : [];
}

/** Whether the released parser asks the question-answering model about the answer for this target. */
export function releasedTargetReadsSpan(target: Target, questionKind: string | undefined): boolean {
  return releasedRuleReadsSpan(releasedRuleFor(target, questionKind));
}

/** Whether the released rule compares the span's sentences (not the answer's) by embeddings. */
export function releasedEmbedsSpan(target: Target, questionKind: string | undefined): boolean {
  const rule = releasedRuleFor(target, questionKind);
  return rule.kind === "sentence" && rule.extractsSpan;
}
