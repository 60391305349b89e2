import type { BboxLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { droppedVerdict } from "@/lib/verifier/released/outcome";
import { candidatePart, comparisonOf, formatNumber, meetsThreshold, missingTarget, type TargetVerdict } from "@/lib/verifier/verdict";

const TWO_DIM_RANGE_METHOD = "bbox:released-two-dim-range";

/** `extract_bbox`: `[a, b, c, d]` whose four numbers all have a decimal point. */
const RELEASED_BOX = /\[(\d+\.\d+,\s*\d+\.\d+,\s*\d+\.\d+,\s*\d+\.\d+)\]/g;

type Box = readonly [number, number, number, number];

/**
 * videostar/verifier.py `two_dim_range`: only the last such box counts; both it and the label's
 * four numbers are read as (centre x, centre y, width, height) and turned into corners
 * (`convert_xywh_to_xyxy`); passes when `box_iou` exceeds the threshold. Two empty boxes divide by
 * zero and the item is dropped.
 */
export function verifyTwoDimRange(label: BboxLabel, context: VerifyContext): TargetVerdict {
  const { threshold, strict } = context.config.bbox;
  const basis = { labelType: "bbox", threshold, comparison: comparisonOf(strict), method: TWO_DIM_RANGE_METHOD } as const;
  const last = [...context.answer.text.matchAll(RELEASED_BOX)].at(-1);
  if (last === undefined) {
    return missingTarget(basis, "box", context.target, "no [a, b, c, d] with four decimal numbers in the answer");
  }
  const said = (last[1] as string).split(",").map((value) => Number(value.trim())) as unknown as Box;
  const iou = boxIou(cornersOf(said), cornersOf(label.box));
  if (iou === undefined) {
    return droppedVerdict("bbox", TWO_DIM_RANGE_METHOD, "box", context.target, "both boxes are empty (division by zero in box_iou)");
  }
  const passed = meetsThreshold(iou, threshold, strict);
  const span = { start: last.index, end: last.index + last[0].length, text: last[0] };
  const detail = `IoU ${formatNumber(iou)} with [${label.box.join(", ")}], both read as centre x, centre y, width, height (${strict ? ">" : ">="} ${threshold} needed)`;
  const match = candidatePart({
    passed,
    part: "box",
    target: context.target,
    span,
    similarity: iou,
    detail,
    reason: `last box has ${detail}`,
  });
  return { ...basis, passed, score: iou, matches: [match] };
}

function cornersOf([x, y, width, height]: Box): Box {
  return [x - width / 2, y - height / 2, x + width / 2, y + height / 2];
}

/** `box_iou`; undefined where Python would divide by zero. */
function boxIou(a: Box, b: Box): number | undefined {
  const left = Math.max(a[0], b[0]);
  const top = Math.max(a[1], b[1]);
  const right = Math.min(a[2], b[2]);
  const bottom = Math.min(a[3], b[3]);
  if (right < left || bottom < top) return 0;
  const intersection = (right - left) * (bottom - top);
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - intersection;
  return union === 0 ? undefined : intersection / union;
}
