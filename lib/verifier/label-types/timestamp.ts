import type { TimestampLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { findTimestamps, type TimeMention } from "@/lib/verifier/text/times";
import { candidatePart, formatNumber, missingTarget, SCORE_EPSILON, type TargetVerdict } from "@/lib/verifier/verdict";

const TIMESTAMP_METHOD = "timestamp:regex-abs-difference";

/**
 * The answer's time closest to the label's must be within the tolerance (seconds). Score maps the
 * difference linearly: 1 at 0, 0.5 at the tolerance (the threshold), 0 at twice the tolerance.
 */
export function verifyTimestamp(label: TimestampLabel, context: VerifyContext): TargetVerdict {
  const tolerance = context.config.timestamp.maxAbsError;
  const threshold = tolerance > 0 ? 0.5 : 1;
  const basis = { labelType: "timestamp", threshold, comparison: ">=", method: TIMESTAMP_METHOD } as const;
  const times = findTimestamps(context.answer.text);
  if (times.length === 0) {
    return missingTarget(basis, "time", context.target, 'no time in the answer (e.g. "at 3.2 seconds", "00:03")');
  }
  let best = times[0] as TimeMention;
  for (const time of times) {
    if (Math.abs(time.seconds - label.time) < Math.abs(best.seconds - label.time)) best = time;
  }
  const difference = Math.abs(best.seconds - label.time);
  const passed = difference <= tolerance + SCORE_EPSILON;
  const score = timestampScore(difference, tolerance);
  const offBy = `off by ${formatNumber(difference)} s (${passed ? "<=" : ">"} ${tolerance} s)`;
  const detail = `${formatNumber(best.seconds)} s vs ${label.time} s: ${offBy}`;
  const reason = `closest time ${detail}`;
  const match = candidatePart({ passed, part: "time", target: context.target, span: best, similarity: score, detail, reason });
  return { ...basis, passed, score, matches: [match] };
}

function timestampScore(difference: number, tolerance: number): number {
  if (tolerance <= 0) return difference <= SCORE_EPSILON ? 1 : 0;
  return Math.max(0, 1 - difference / (2 * tolerance));
}
