import type { IntervalLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { TEMPORAL_SPAN_MIN_SCORE } from "@/lib/verifier/released/assignment";
import { notAppliedVerdict } from "@/lib/verifier/released/outcome";
import { describeSpan, missingSpanReason } from "@/lib/verifier/released/span";
import type { SpacyToken } from "@/lib/verifier/spacy/tokenizer";
import { candidatePart, comparisonOf, formatNumber, meetsThreshold, missingTarget, type TargetVerdict } from "@/lib/verifier/verdict";

const TEMPORAL_RANGE_METHOD = "interval:released-temporal-range";

/**
 * What the released timestamp model's TIME entities become after `is_float`: numbers Python's
 * `float()` reads. The model itself (a spaCy NER trained on the authors' own generations) is not
 * available; every token that is a plain decimal stands in for its entities.
 */
const PLAIN_DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

interface TimeToken {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/**
 * videostar/verifier.py `one_dim_range` on `PredictionParser.extract_temporal_range`: the answer is
 * cut down to the question-answering model's span when its score is above 0.6; from the last pair
 * of consecutive times backwards, the first with 0 < start < end < 1 is the prediction (fractions of
 * the clip); its temporal IoU with the label's interval (divided by the clip's length) must exceed
 * 0.5, and no overlap fails. Without the clip's length, or without the span, it cannot be applied.
 */
export function verifyTemporalRange(label: IntervalLabel, context: VerifyContext): TargetVerdict {
  const { threshold, strict } = context.config.interval;
  const basis = { labelType: "interval", threshold, comparison: comparisonOf(strict), method: TEMPORAL_RANGE_METHOD } as const;
  if (label.duration === undefined || label.duration <= 0) {
    const why = "the label has no clip duration to normalise its interval by";
    return notAppliedVerdict("interval", TEMPORAL_RANGE_METHOD, "interval", context.target, why);
  }
  const span = context.answerSpan;
  if (span === undefined)
    return notAppliedVerdict("interval", TEMPORAL_RANGE_METHOD, "interval", context.target, missingSpanReason(context));
  const readsSpan = span.score > TEMPORAL_SPAN_MIN_SCORE;
  const tokens = readsSpan ? span.text.spacyTokens : context.answer.spacyTokens;
  const times = timeTokens(tokens, readsSpan ? span.start : 0);
  const read = readsSpan ? `the span ${describeSpan(span)}` : `the whole answer (the span ${describeSpan(span)} scores 0.6 or less)`;
  const pair = lastValidPair(times);
  if (pair === undefined) {
    const reason = `no two consecutive times with 0 < start < end < 1 in ${read} (extract_temporal_range gives None, None)`;
    return missingTarget(basis, "interval", context.target, reason);
  }
  const [from, to] = pair;
  const truthStart = label.start / label.duration;
  const truthEnd = label.end / label.duration;
  const intersection = Math.max(0, Math.min(to.value, truthEnd) - Math.max(from.value, truthStart));
  const union = Math.max(to.value, truthEnd) - Math.min(from.value, truthStart);
  const iou = intersection === 0 || union <= 0 ? 0 : intersection / union;
  const passed = intersection > 0 && meetsThreshold(iou, threshold, strict);
  const truth = `${formatNumber(truthStart)}–${formatNumber(truthEnd)}`;
  const detail = `${from.value}–${to.value} vs ${truth} of the clip: temporal IoU ${formatNumber(iou)} (${strict ? ">" : ">="} ${threshold} needed), read from ${read}`;
  const text = context.answer.text.slice(from.start, to.end);
  const match = candidatePart({
    passed,
    part: "interval",
    target: context.target,
    span: { start: from.start, end: to.end, text },
    similarity: iou,
    detail,
    reason: `last range ${detail}`,
  });
  return { ...basis, passed, score: iou, matches: [match] };
}

function timeTokens(tokens: readonly SpacyToken[], offset: number): TimeToken[] {
  const times: TimeToken[] = [];
  for (const token of tokens) {
    if (PLAIN_DECIMAL.test(token.text)) times.push({ value: Number(token.text), start: token.start + offset, end: token.end + offset });
  }
  return times;
}

function lastValidPair(times: readonly TimeToken[]): [TimeToken, TimeToken] | undefined {
  for (let i = times.length - 2; i >= 0; i--) {
    const start = times[i] as TimeToken;
    const finish = times[i + 1] as TimeToken;
    if (start.value < finish.value && finish.value < 1 && start.value > 0) return [start, finish];
  }
  return undefined;
}
