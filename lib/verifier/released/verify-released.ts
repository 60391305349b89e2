import type { Target } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { verifyInterval } from "@/lib/verifier/label-types/interval";
import { ORDERED_SENTENCE_THRESHOLD, releasedRuleFor } from "@/lib/verifier/released/assignment";
import { verifyTwoDimRange } from "@/lib/verifier/released/bbox";
import { verifyAbsFloat } from "@/lib/verifier/released/float";
import { verifySameOrNot } from "@/lib/verifier/released/same";
import { sentenceItems, verifySentenceEmbeddings } from "@/lib/verifier/released/sentences";
import { verifyNormalizedFloat } from "@/lib/verifier/released/timestamp";
import { verifyWordMatching } from "@/lib/verifier/released/word-matching";
import type { TargetVerdict } from "@/lib/verifier/verdict";

/**
 * The `reference-code` preset: the released code's verdict on a target (videostar/verifier.py),
 * with the rule its data generation assigns to the question's kind. Intervals keep our range
 * parser: the released one is a spaCy NER model trained on its own generations.
 */
export function verifyReleased(target: Target, context: VerifyContext): TargetVerdict {
  const rule = releasedRuleFor(target, context.questionKind);
  switch (rule.kind) {
    case "word-matching":
      return verifyWordMatching(target.labelType, rule.text, context);
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
      return verifyInterval(target.label as Extract<Target, { labelType: "interval" }>["label"], context);
  }
}

/** Label texts the released rule embeds for this target (none when it is not a sentence rule). */
export function releasedEmbeddingTexts(target: Target, questionKind: string | undefined): string[] {
  const rule = releasedRuleFor(target, questionKind);
  return rule.kind === "sentence" ? sentenceItems(rule.items) : [];
}
