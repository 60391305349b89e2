import { describe, expect, it } from "vitest";
import { boxIou, findBoxes } from "@/lib/verifier/text/boxes";

describe("findBoxes", () => {
  it("finds bracketed four-number boxes with offsets and orders their corners", () => {
    const text = "The cup is at [0.5, 0.6, 0.1, 0.2] and then (0.1,0.1,0.3,0.3).";
    const boxes = findBoxes(text);
    expect(boxes.map((box) => box.box)).toEqual([
      [0.1, 0.2, 0.5, 0.6],
      [0.1, 0.1, 0.3, 0.3],
    ]);
    expect(boxes.map((box) => text.slice(box.start, box.end))).toEqual(["[0.5, 0.6, 0.1, 0.2]", "(0.1,0.1,0.3,0.3)"]);
  });

  it("ignores lists of other lengths", () => {
    expect(findBoxes("[1, 2, 3] and [1, 2, 3, 4, 5]")).toEqual([]);
  });
});

describe("boxIou", () => {
  it("computes intersection over union", () => {
    expect(boxIou([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(boxIou([0, 0, 0.5, 1], [0, 0, 1, 1])).toBeCloseTo(0.5, 12);
    expect(boxIou([0, 0, 0.2, 0.2], [0.5, 0.5, 1, 1])).toBe(0);
  });
});
