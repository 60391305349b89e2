import { describe, expect, it } from "vitest";
import { intraclassCorrelation, intraclassCorrelationOf, type Rating } from "./icc";

// Shrout & Fleiss (1979), table 2: 6 targets scored by 4 judges. Their table 4 gives ICC(2,1) = .29
// and ICC(3,4) = .91. The intervals are R's psych::ICC(sf) output for the same table (psych's
// reference manual, example of ICC; also reprinted in many tutorials):
//   Single_random_raters  ICC2  0.29  F=11.0 df 5,15  lower 0.019  upper 0.76
//   Average_fixed_raters  ICC3k 0.91  F=11.0 df 5,15  lower 0.676  upper 0.98
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

// McGraw & Wong (1996), table 6: 10 targets, 2 raters. R's psych::ICC on it (as quoted to check
// R. P. Matthew's MATLAB f_ICC against R):
//   Single_random_raters  ICC2  0.720  lower 0.228  upper 0.922
//   Average_fixed_raters  ICC3k 0.833  lower 0.329  upper 0.959
const MCGRAW_WONG = [
  [103, 119],
  [82, 65],
  [116, 106],
  [102, 102],
  [99, 105],
  [98, 100],
  [104, 107],
  [62, 85],
  [97, 101],
  [107, 110],
];

describe("intraclassCorrelation", () => {
  it("matches Shrout & Fleiss's worked example and psych::ICC's intervals", () => {
    const { icc21, icc3k } = intraclassCorrelation(SHROUT_FLEISS);
    expect(icc21?.value).toBeCloseTo(0.29, 2);
    expect(icc21?.lower).toBeCloseTo(0.019, 3);
    expect(icc21?.upper).toBeCloseTo(0.76, 2);
    expect(icc3k?.value).toBeCloseTo(0.91, 2);
    expect(icc3k?.lower).toBeCloseTo(0.676, 3);
    expect(icc3k?.upper).toBeCloseTo(0.99, 2);
  });

  it("matches McGraw & Wong's two-rater example and psych::ICC's intervals", () => {
    const { icc21, icc3k } = intraclassCorrelation(MCGRAW_WONG);
    expect(icc21?.value).toBeCloseTo(0.72, 2);
    expect(icc21?.lower).toBeCloseTo(0.228, 3);
    expect(icc21?.upper).toBeCloseTo(0.922, 3);
    expect(icc3k?.value).toBeCloseTo(0.833, 3);
    expect(icc3k?.lower).toBeCloseTo(0.329, 3);
    expect(icc3k?.upper).toBeCloseTo(0.959, 3);
  });

  it("is null for fewer than 2 targets or 2 raters, and refuses a ragged matrix", () => {
    expect(intraclassCorrelation([[1, 2]])).toEqual({ icc21: null, icc3k: null });
    expect(intraclassCorrelation([[1], [2], [3]])).toEqual({ icc21: null, icc3k: null });
    expect(() => intraclassCorrelation([[1, 2], [3]])).toThrow(RangeError);
  });

  it("is 1 with a degenerate interval when the raters agree exactly, and null when nothing varies", () => {
    const exact = intraclassCorrelation([
      [1, 1],
      [3, 3],
      [5, 5],
    ]);
    expect(exact.icc21).toEqual({ value: 1, lower: 1, upper: 1 });
    expect(exact.icc3k).toEqual({ value: 1, lower: 1, upper: 1 });
    const flat = intraclassCorrelation([
      [4, 4],
      [4, 4],
    ]);
    expect(flat.icc21?.value).toBeNull();
    expect(flat.icc3k?.value).toBeNull();
  });

  it("separates absolute agreement from consistency: a rater one point harsher keeps consistency, loses agreement", () => {
    const { icc21, icc3k } = intraclassCorrelation([
      [2, 1],
      [3, 2],
      [5, 4],
      [4, 3],
    ]);
    expect(icc3k?.value).toBeCloseTo(1, 10);
    expect(icc21?.value).toBeLessThan(0.9);
  });
});

describe("intraclassCorrelationOf", () => {
  const fromMatrix = (matrix: number[][]): Rating[] =>
    matrix.flatMap((row, target) => row.map((score, rater) => ({ targetId: target, raterId: `r${rater}`, score })));

  it("gives the matrix figures when every rater scored every target", () => {
    const result = intraclassCorrelationOf(fromMatrix(SHROUT_FLEISS));
    expect(result).toMatchObject({ targets: 6, raters: 4, ratingsUsed: 24, ratingsGiven: 24 });
    expect(result.icc21?.value).toBeCloseTo(0.29, 2);
  });

  it("uses the largest complete block when scores are missing, and says how much it used", () => {
    // r0 and r1 scored targets 0–5; r2 scored only targets 0 and 1.
    const ratings = fromMatrix(MCGRAW_WONG.slice(0, 6)).concat([
      { targetId: 0, raterId: "r2", score: 100 },
      { targetId: 1, raterId: "r2", score: 80 },
    ]);
    const result = intraclassCorrelationOf(ratings);
    expect(result).toMatchObject({ targets: 6, raters: 2, ratingsUsed: 12, ratingsGiven: 14 });
    expect(result.icc3k?.value).toBeCloseTo(intraclassCorrelation(MCGRAW_WONG.slice(0, 6)).icc3k?.value ?? Number.NaN, 10);
  });

  it("prefers more raters when that uses more scores: 3 raters × 4 targets over 2 × 5", () => {
    const ratings: Rating[] = [];
    for (let target = 0; target < 5; target += 1) {
      ratings.push(
        { targetId: target, raterId: "a", score: (target % 5) + 1 },
        { targetId: target, raterId: "b", score: ((target + 1) % 5) + 1 },
      );
      if (target < 4) ratings.push({ targetId: target, raterId: "c", score: (target % 5) + 1 });
    }
    expect(intraclassCorrelationOf(ratings)).toMatchObject({ targets: 4, raters: 3, ratingsUsed: 12, ratingsGiven: 14 });
  });

  it("copes with many raters each scoring with one other (a queue with overlap 2)", () => {
    const ratings: Rating[] = [];
    for (let target = 0; target < 20_000; target += 1) {
      const first = (target * 7) % 24;
      const second = (first + 1 + (target % 23)) % 24;
      ratings.push({ targetId: target, raterId: `r${first}`, score: (target % 5) + 1 });
      ratings.push({ targetId: target, raterId: `r${second}`, score: ((target + (target % 3)) % 5) + 1 });
    }
    // Trying every subset of 24 raters (16 million) would run past the test's time limit.
    const result = intraclassCorrelationOf(ratings);
    expect(result.raters).toBe(2);
    expect(result.targets).toBeGreaterThanOrEqual(2);
    expect(result.ratingsGiven).toBe(40_000);
  });

  it("has no figures when no two raters share two targets", () => {
    const result = intraclassCorrelationOf([
      { targetId: 1, raterId: "a", score: 3 },
      { targetId: 1, raterId: "b", score: 4 },
      { targetId: 2, raterId: "a", score: 5 },
    ]);
    expect(result).toEqual({ targets: 0, raters: 0, ratingsUsed: 0, ratingsGiven: 3, icc21: null, icc3k: null });
  });
});
