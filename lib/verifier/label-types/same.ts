import type { SameLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { findPolarityMentions } from "@/lib/verifier/text/polarity";
import { candidatePart, missingTarget, type TargetVerdict } from "@/lib/verifier/verdict";

const SAME_METHOD = "same:polarity";

/**
 * The answer's last statement of sameness ("the same", "not the same", "different"; a leading
 * yes/no counts too) must agree with the label; the last one decides, as in the released code.
 */
export function verifySame(label: SameLabel, context: VerifyContext): TargetVerdict {
  const basis = { labelType: "same", threshold: 1, comparison: ">=", method: SAME_METHOD } as const;
  const part = label.same ? "the same" : "not the same";
  const decisive = findPolarityMentions(context.answer.text).at(-1);
  if (decisive === undefined) {
    return missingTarget(basis, part, context.target, 'the answer never says "the same", "not the same" or "different"');
  }
  const passed = decisive.same === label.same;
  const says = decisive.same ? "the same" : "not the same";
  const match = candidatePart({
    passed,
    part,
    target: context.target,
    span: decisive,
    similarity: passed ? 1 : 0,
    detail: `last statement says ${says}`,
    reason: `last statement "${decisive.text}" says ${says}`,
  });
  return { ...basis, passed, score: passed ? 1 : 0, matches: [match] };
}
