import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codePointLength,
  fuzzRatio,
  indelDistance,
  indelRatio,
  lcsLength,
  percentFromLcs,
  roundHalfToEven,
  withPattern,
} from "@/lib/verifier/similarity/indel-ratio";

/** Property tests run hundreds of cases; give them room on a shared, loaded machine. */
const PROPERTY_TIMEOUT = 60_000;

/** Independent reference: textbook O(n·m) LCS over code points. */
function referenceLcs(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const table = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const row = table[i] as number[];
      const above = table[i - 1] as number[];
      row[j] = x[i - 1] === y[j - 1] ? (above[j - 1] as number) + 1 : Math.max(above[j] as number, row[j - 1] as number);
    }
  }
  return (table[x.length] as number[])[y.length] as number;
}

describe("fuzzRatio matches fuzzywuzzy's fuzz.ratio", () => {
  it.each([
    ["apple", "apples", 91],
    ["kitten", "sitting", 62],
    ["this is a test", "this is a test!", 97],
    ["fuzzy wuzzy was a bear", "wuzzy fuzzy was a bear", 91],
    ["same", "same", 100],
    ["", "abc", 0],
    ["abc", "xyz", 0],
    // Python rounds half to even: 100 · 10/16 = 62.5 → 62 and 100 · 14/16 = 87.5 → 88.
    ["abcdefgh", "abcdexyz", 62],
    ["abcdefgh", "abcdefgx", 88],
  ])("fuzz.ratio(%j, %j) = %i", (a, b, expected) => {
    expect(fuzzRatio(a, b)).toBe(expected);
  });

  it("is symmetric", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => fuzzRatio(a, b) === fuzzRatio(b, a)));
  });
});

describe("lcsLength", () => {
  it(
    "agrees with a reference dynamic programme on ASCII, BMP and astral strings",
    () => {
      const text = fc.oneof(
        fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 40 }),
        fc.string({ unit: fc.constantFrom("é", "😀", "a", "漢"), maxLength: 12 }),
        fc.string({ unit: "binary", maxLength: 40 }),
      );
      fc.assert(
        fc.property(text, text, (a, b) => lcsLength(a, b) === referenceLcs(a, b)),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("handles patterns of exactly 32 and of more than 32 characters", () => {
    const a = "abcdefghijklmnopqrstuvwxyzabcdef";
    expect(a).toHaveLength(32);
    expect(lcsLength(a, `${a}x`)).toBe(32);
    const long = "ab".repeat(40);
    expect(lcsLength(long, "ba".repeat(40))).toBe(referenceLcs(long, "ba".repeat(40)));
  });

  it("counts astral characters as one each, like Python", () => {
    expect(codePointLength("a😀b")).toBe(3);
    expect(indelDistance("a😀b", "ab")).toBe(1);
    expect(indelRatio("😀", "😀x")).toBeCloseTo(2 / 3, 12);
  });
});

describe("withPattern", () => {
  it("computes the same LCS as lcsLength for many texts with one loaded pattern", () => {
    const texts = ["eating", "eaten", "heating", "😀eat", "", "tea"];
    const results = withPattern("eating", (lcsWith) => texts.map((text) => lcsWith(text)));
    expect(results).toEqual(texts.map((text) => referenceLcs("eating", text)));
  });

  it("refuses nested use instead of corrupting the loaded pattern", () => {
    expect(() => withPattern("abc", () => withPattern("def", () => 0))).toThrow(/nested/);
    expect(lcsLength("abc", "abc")).toBe(3);
  });
});

describe("rounding", () => {
  it("rounds halves to even and everything else to nearest", () => {
    expect([0.5, 1.5, 2.5, 62.5, 87.5, 2.4, 2.6].map(roundHalfToEven)).toEqual([0, 2, 2, 62, 88, 2, 3]);
  });

  it("percentFromLcs is fuzz.ratio's integer percentage", () => {
    expect(percentFromLcs(5, 11)).toBe(91);
    expect(percentFromLcs(0, 4)).toBe(0);
  });
});
