import { describe, expect, test } from "vitest";
import { intraclassCorrelation } from "../stats/icc";
import { agreement } from "./agreement";
import type { ReviewUnit } from "./units";

function unit(unitId: number, scores: Record<string, number | null>): ReviewUnit {
  return {
    unitId,
    isGold: false,
    goldAnswer: null,
    cycleId: 1,
    cycleIndex: 1,
    datasetId: 1,
    datasetName: "STAR",
    mode: "ANSWER",
    passed: true,
    judgements: Object.entries(scores).map(([raterId, qualityScore]) => ({
      raterId,
      verdict: "CORRECT",
      labelPresent: null,
      qualityScore,
    })),
  };
}

describe("agreement on answer-quality scores", () => {
  test("ICC(2,1) and ICC(3,k) over the items both raters scored; unscored judgements are left out", () => {
    const units = [
      unit(1, { ana: 5, bo: 4 }),
      unit(2, { ana: 2, bo: 2 }),
      unit(3, { ana: 4, bo: 3 }),
      unit(4, { ana: 1, bo: 2 }),
      unit(5, { ana: 3, bo: null }),
    ];
    const { qualityScore } = agreement(units);
    expect(qualityScore).toMatchObject({ targets: 4, raters: 2, ratingsUsed: 8, ratingsGiven: 9 });
    const expected = intraclassCorrelation([
      [5, 4],
      [2, 2],
      [4, 3],
      [1, 2],
    ]);
    expect(qualityScore?.icc21?.value).toBeCloseTo(expected.icc21?.value ?? Number.NaN, 12);
    expect(qualityScore?.icc3k?.lower).toBeCloseTo(expected.icc3k?.lower ?? Number.NaN, 12);
  });

  test("no figures from one rater's scores, or from judgements without scores", () => {
    const one = agreement([unit(1, { ana: 5 }), unit(2, { ana: 3 })]).qualityScore;
    expect(one).toMatchObject({ targets: 0, raters: 0, icc21: null, icc3k: null });
    const none = agreement([unit(1, { ana: null, bo: null }), unit(2, { ana: null, bo: null })]).qualityScore;
    expect(none).toMatchObject({ ratingsGiven: 0, icc21: null });
  });
});
