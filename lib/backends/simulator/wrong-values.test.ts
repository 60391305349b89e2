import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boxIou, temporalIou, type Box } from "./geometry";
import { sharesKeyword, keywordsOf } from "./keywords";
import { mulberry32 } from "@/lib/random/seeded-random";
import { wrongBox, wrongClass, wrongFloat, wrongInterval, wrongSequence, wrongTimestamp } from "./wrong-values";
import { actionClasses } from "./vocabulary";

const boxArb = fc
  .tuple(
    fc.double({ min: 0, max: 0.9, noNaN: true }),
    fc.double({ min: 0, max: 0.9, noNaN: true }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
    fc.double({ min: 0.05, max: 1, noNaN: true }),
  )
  .map(([x, y, w, h]): Box => [x, y, Math.min(1, x + w), Math.min(1, y + h)]);

describe("wrong values are really wrong", () => {
  it("boxes overlap the truth by IoU < 0.2", () => {
    fc.assert(
      fc.property(boxArb, fc.integer(), (box, seed) => {
        expect(boxIou(wrongBox(box, mulberry32(seed)), box)).toBeLessThan(0.2);
      }),
    );
  });

  it("intervals overlap the truth by tIoU < 0.3 and stay non-negative", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.integer(),
        (start, length, seed) => {
          const truth = { start, end: start + length };
          const wrong = wrongInterval(truth, mulberry32(seed));
          expect(wrong.start).toBeGreaterThanOrEqual(0);
          expect(wrong.end).toBeGreaterThan(wrong.start);
          expect(temporalIou(wrong, truth)).toBeLessThan(0.3);
        },
      ),
    );
  });

  it("floats are at least 1.5 and 19 % away; timestamps at least 2.45 s away", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.integer(), (value, seed) => {
        const wrong = wrongFloat(value, mulberry32(seed));
        expect(Math.abs(wrong - value)).toBeGreaterThanOrEqual(Math.max(1.49, value * 0.19));
        expect(Math.abs(wrongTimestamp(value, mulberry32(seed)) - value)).toBeGreaterThanOrEqual(2.45);
      }),
    );
  });

  it("classes share no content word with the label", () => {
    for (const label of [...actionClasses, "eating apple pie", "The closet/cabinet."]) {
      const wrong = wrongClass(label, mulberry32(label.length));
      expect(wrong).not.toBe(label);
      expect(sharesKeyword(wrong, keywordsOf(label))).toBe(false);
    }
  });

  it("sequences come out of order", () => {
    const rng = mulberry32(5);
    expect(wrongSequence(["a", "b", "c"], rng)).toEqual(["c", "b", "a"]);
    expect(wrongSequence(["opening a door"], rng)).not.toEqual(["opening a door"]);
    expect(wrongSequence(["x", "x"], rng)).not.toEqual(["x", "x"]);
  });
});

describe("per-label caches", () => {
  it("draw a wrong class the same way on every call for a label", () => {
    for (const seed of [1, 2, 3, 99]) {
      const first = wrongClass("playing cello", mulberry32(seed));
      expect(wrongClass("playing cello", mulberry32(seed))).toBe(first);
    }
  });

  it("hand out keyword lists callers cannot change", () => {
    const words = keywordsOf("Eating the apple pie");
    expect(words).toEqual(["eating", "apple", "pie"]);
    expect(() => (words as string[]).push("poison")).toThrow();
    expect(keywordsOf("Eating the apple pie")).toEqual(["eating", "apple", "pie"]);
  });
});
