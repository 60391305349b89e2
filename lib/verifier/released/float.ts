import type { FloatLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { releasedNumbers, type ReleasedNumber } from "@/lib/verifier/released/numbers";
import { droppedVerdict } from "@/lib/verifier/released/outcome";
import { candidatePart, formatNumber, SCORE_EPSILON, type TargetVerdict } from "@/lib/verifier/verdict";

const ABS_FLOAT_METHOD = "float:released-abs-float";

/**
 * videostar/verifier.py `abs_float` on `extract_float`: every number in the answer; passes when
 * the smallest `abs(p - gt) / gt` is at most the tolerance. No number (or a label of 0) raises
 * and the item is dropped.
 */
export function verifyAbsFloat(label: FloatLabel, context: VerifyContext): TargetVerdict {
  const tolerance = context.config.float.maxRelativeError;
  const part = label.name.trim() === "" ? "value" : label.name.trim();
  const numbers = releasedNumbers(context.answer.text);
  if (numbers.length === 0) {
    return droppedVerdict("float", ABS_FLOAT_METHOD, part, context.target, "no number in the answer (abs(None - gt) raises TypeError)");
  }
  if (label.value === 0) {
    return droppedVerdict("float", ABS_FLOAT_METHOD, part, context.target, "the label is 0 (division by zero)");
  }
  // The released loop starts from tolerance * 10 and keeps the minimum; a negative label makes every difference negative.
  let best: ReleasedNumber = numbers[0] as ReleasedNumber;
  let smallest = tolerance * 10;
  for (const number of numbers) {
    const difference = Math.abs(number.value - label.value) / label.value;
    if (difference < smallest) {
      smallest = difference;
      best = number;
    }
  }
  const passed = smallest <= tolerance + SCORE_EPSILON;
  const similarity = Math.max(0, Math.min(1, 1 - smallest));
  const detail = `${best.text} vs ${label.value}: relative error ${formatNumber(smallest * 100, 2)}% (${passed ? "<=" : ">"} ${formatNumber(tolerance * 100, 2)}%; every number in the answer)`;
  const match = candidatePart({ passed, part, target: context.target, span: best, similarity, detail, reason: `closest number ${detail}` });
  return {
    labelType: "float",
    passed,
    score: similarity,
    threshold: 1 - tolerance,
    comparison: ">=",
    method: ABS_FLOAT_METHOD,
    matches: [match],
  };
}
