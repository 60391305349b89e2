import type { BboxLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { boxIou, findBoxes, type BoxMention } from "@/lib/verifier/text/boxes";
import { candidatePart, comparisonOf, formatNumber, meetsThreshold, missingTarget, type TargetVerdict } from "@/lib/verifier/verdict";

const BBOX_METHOD = "bbox:regex-iou";

/** The answer's `[x1, y1, x2, y2]` box with the highest IoU against the label's box must reach the threshold. */
export function verifyBbox(label: BboxLabel, context: VerifyContext): TargetVerdict {
  const { threshold, strict } = context.config.bbox;
  const basis = { labelType: "bbox", threshold, comparison: comparisonOf(strict), method: BBOX_METHOD } as const;
  const boxes = findBoxes(context.answer.text);
  if (boxes.length === 0) return missingTarget(basis, "box", context.target, "no [x1, y1, x2, y2] box in the answer");
  let best: BoxMention = boxes[0] as BoxMention;
  let bestIou = -1;
  for (const mention of boxes) {
    const iou = boxIou(mention.box, label.box);
    if (iou > bestIou) {
      best = mention;
      bestIou = iou;
    }
  }
  const passed = meetsThreshold(bestIou, threshold, strict);
  const detail = `IoU ${formatNumber(bestIou)} with [${label.box.join(", ")}] (${strict ? ">" : ">="} ${threshold} needed)`;
  const reason = `best box has ${detail}`;
  const match = candidatePart({ passed, part: "box", target: context.target, span: best, similarity: bestIou, detail, reason });
  return { ...basis, passed, score: bestIou, matches: [match] };
}
