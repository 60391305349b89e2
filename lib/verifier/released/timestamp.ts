import type { TimestampLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { releasedNumbers } from "@/lib/verifier/released/numbers";
import { notAppliedVerdict } from "@/lib/verifier/released/outcome";
import { candidatePart, formatNumber, missingTarget, SCORE_EPSILON, type TargetVerdict } from "@/lib/verifier/verdict";

const NORMALIZED_FLOAT_METHOD = "timestamp:released-normalized-float";

/**
 * videostar/verifier.py `normalized_float` on `extract_last_float`: the last number in the answer,
 * taken as a fraction of the clip, must be within the tolerance of the label's time divided by the
 * clip's length. Without the clip's length the rule cannot be applied.
 */
export function verifyNormalizedFloat(label: TimestampLabel, context: VerifyContext): TargetVerdict {
  const tolerance = context.config.timestamp.maxAbsError;
  const basis = { labelType: "timestamp", threshold: 1 - tolerance, comparison: ">=", method: NORMALIZED_FLOAT_METHOD } as const;
  if (label.duration === undefined || label.duration <= 0) {
    return notAppliedVerdict(
      "timestamp",
      NORMALIZED_FLOAT_METHOD,
      "time",
      context.target,
      "the label has no clip duration to normalise its time by",
    );
  }
  const last = releasedNumbers(context.answer.text).at(-1);
  if (last === undefined) return missingTarget(basis, "time", context.target, "no number in the answer");
  const truth = label.time / label.duration;
  const difference = Math.abs(last.value - truth);
  const passed = difference <= tolerance + SCORE_EPSILON;
  const similarity = Math.max(0, 1 - difference);
  const detail = `${last.text} vs ${formatNumber(truth)} of the clip: off by ${formatNumber(difference)} (${passed ? "<=" : ">"} ${tolerance}; the last number decides)`;
  const match = candidatePart({
    passed,
    part: "time",
    target: context.target,
    span: last,
    similarity,
    detail,
    reason: `last number ${detail}`,
  });
  return { ...basis, passed, score: similarity, matches: [match] };
}
