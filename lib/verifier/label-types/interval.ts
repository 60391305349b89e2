import type { IntervalLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { findTimeRanges, temporalIou, type RangeMention } from "@/lib/verifier/text/times";
import { candidatePart, comparisonOf, formatNumber, meetsThreshold, missingTarget, type TargetVerdict } from "@/lib/verifier/verdict";

const INTERVAL_METHOD = "interval:regex-temporal-iou";

/** The answer's time range with the highest temporal IoU against the label's must reach the threshold. */
export function verifyInterval(label: IntervalLabel, context: VerifyContext): TargetVerdict {
  const { threshold, strict } = context.config.interval;
  const basis = { labelType: "interval", threshold, comparison: comparisonOf(strict), method: INTERVAL_METHOD } as const;
  const ranges = findTimeRanges(context.answer.text);
  if (ranges.length === 0) {
    const reason = 'no time range in the answer (e.g. "from 2.1s to 5s", "00:02 to 00:05")';
    return missingTarget(basis, "interval", context.target, reason);
  }
  let best = ranges[0] as RangeMention;
  let bestIou = -1;
  for (const range of ranges) {
    const iou = temporalIou(range.startSeconds, range.endSeconds, label.start, label.end);
    if (iou > bestIou) {
      best = range;
      bestIou = iou;
    }
  }
  const passed = meetsThreshold(bestIou, threshold, strict);
  const said = `${formatNumber(best.startSeconds)}–${formatNumber(best.endSeconds)} s`;
  const needed = `${strict ? ">" : ">="} ${threshold} needed`;
  const detail = `${said} vs ${label.start}–${label.end} s: temporal IoU ${formatNumber(bestIou)} (${needed})`;
  const reason = `best range ${detail}`;
  const match = candidatePart({ passed, part: "interval", target: context.target, span: best, similarity: bestIou, detail, reason });
  return { ...basis, passed, score: bestIou, matches: [match] };
}
