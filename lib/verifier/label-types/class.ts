import { keywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { matchKeywords } from "@/lib/verifier/keywords/keyword-parts";
import { labelKeywords } from "@/lib/verifier/keywords/label-keywords";
import type { ClassLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { comparisonOf, type TargetVerdict } from "@/lib/verifier/verdict";

const CLASS_METHOD = "class:keyword-fuzz-ratio";

/** Every keyword of the label must match some answer word with fuzz.ratio meeting the threshold. */
export function verifyClass(label: ClassLabel, context: VerifyContext): TargetVerdict {
  const rule = keywordRule(context.config.keyword);
  const keywords = labelKeywords(label, rule);
  const { parts, score, passed } = matchKeywords(keywords, context.answer, rule, { target: context.target, pick: "best" });
  return {
    labelType: "class",
    passed,
    score,
    threshold: rule.threshold,
    comparison: comparisonOf(rule.strict),
    method: CLASS_METHOD,
    matches:
      keywords.parts.length > 0 ? parts : [{ matched: false, part: label, target: context.target, reason: "the label has no words" }],
  };
}
