/** A box written as four numbers in brackets, with its offsets. */
export interface BoxMention {
  readonly box: readonly [number, number, number, number];
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const COORDINATE = String.raw`\s*([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*`;
/** `[a, b, c, d]` (or with parentheses), e.g. "[0.12, 0.30, 0.55, 0.90]". */
const BOX = new RegExp(String.raw`[\[(]${COORDINATE},${COORDINATE},${COORDINATE},${COORDINATE}[\])]`, "g");

/** Boxes in the text as corners [x1, y1, x2, y2], each corner pair put in order. */
export function findBoxes(text: string): BoxMention[] {
  const boxes: BoxMention[] = [];
  for (const match of text.matchAll(BOX)) {
    const [a, b, c, d] = [match[1], match[2], match[3], match[4]].map(Number) as [number, number, number, number];
    boxes.push({
      box: [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)],
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
    });
  }
  return boxes;
}

/** Intersection over union of two corner boxes; two identical empty boxes count as 1. */
export function boxIou(a: readonly number[], b: readonly number[]): number {
  const [ax1, ay1, ax2, ay2] = a as [number, number, number, number];
  const [bx1, by1, bx2, by2] = b as [number, number, number, number];
  const width = Math.min(ax2, bx2) - Math.max(ax1, bx1);
  const height = Math.min(ay2, by2) - Math.max(ay1, by1);
  const intersection = width > 0 && height > 0 ? width * height : 0;
  const union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - intersection;
  if (union <= 0) return a.every((value, i) => value === b[i]) ? 1 : 0;
  return intersection / union;
}
