import { describe, expect, it } from "vitest";
import { checkRecordedScore } from "./recorded-score-check";
import { computeDiveScore } from "./scoring-rules";

describe("computeDiveScore", () => {
  it("applies the 7-judge rule: drop 2 highest and 2 lowest, sum 3, × difficulty", () => {
    const result = computeDiveScore([7.5, 8.0, 8.0, 7.5, 8.5, 8.0, 7.0], 3.2);
    expect(result?.kept).toEqual([7.5, 8, 8]);
    expect(result?.keptSum).toBe(23.5);
    expect(result?.exact).toBe("75.2");
  });

  it("applies the synchronised rule: sum × difficulty × 0.6", () => {
    expect(computeDiveScore([8.0, 8.5, 8.0, 8.5, 8.0], 3.0)?.exact).toBe("73.8"); // 41 × 3 × 0.6
  });

  it("applies the 3-score rule: sum × difficulty", () => {
    expect(computeDiveScore([8.0, 8.5, 9.0], 3.2)?.exact).toBe("81.6"); // 25.5 × 3.2
  });

  it("has no rule for other panel sizes", () => {
    expect(computeDiveScore([8, 8, 8, 8], 3)).toBeNull();
  });
});

describe("checkRecordedScore", () => {
  it("accepts a record whose dive_score agrees to 0.01", () => {
    expect(checkRecordedScore({ judgeScores: [7.5, 8.0, 8.0, 7.5, 8.5, 8.0, 7.0], difficulty: 3.2, diveScore: 75.2 })).toBeNull();
    // 27.5 × 3.3 × 0.6 = 54.45 exactly
    expect(checkRecordedScore({ judgeScores: [5.5, 5.5, 5.5, 5.5, 5.5], difficulty: 3.3, diveScore: 54.45 })).toBeNull();
    // (8 + 8.5 + 9) × 3.2 = 81.6; a recorded 81.61 is within 0.01
    expect(checkRecordedScore({ judgeScores: [8.0, 8.5, 9.0], difficulty: 3.2, diveScore: 81.61 })).toBeNull();
  });

  it("warns about a typo such as a judge score of 55.5", () => {
    const warning = checkRecordedScore({ judgeScores: [8.0, 55.5, 8.5], difficulty: 3.0, diveScore: 73.5 });
    expect(warning?.code).toBe("score-disagrees-with-judges");
    expect(warning?.rule).toBe("middle-3");
    expect(warning?.expected).toBe(216); // (8 + 55.5 + 8.5) × 3
    expect(warning?.recorded).toBe(73.5);
  });

  it("warns when the score is off by more than the recorded precision", () => {
    expect(checkRecordedScore({ judgeScores: [8.0, 8.5, 9.0], difficulty: 3.2, diveScore: 81.62 })?.code).toBe(
      "score-disagrees-with-judges",
    );
  });

  it("reports a panel size no rule covers", () => {
    expect(checkRecordedScore({ judgeScores: [8, 8, 8, 8], difficulty: 3, diveScore: 96 })?.code).toBe("unsupported-panel-size");
  });

  it("never throws: malformed records become warnings naming the field", () => {
    for (const bad of [
      null,
      "x",
      {},
      { judgeScores: [8, Number.NaN, 8], difficulty: 3, diveScore: 72 },
      { judgeScores: [8, 8, 8], difficulty: -1, diveScore: 72 },
    ]) {
      const warning = checkRecordedScore(bad);
      expect(warning?.code).toBe("invalid-record");
    }
    expect(checkRecordedScore({ judgeScores: [8, 8, 8], difficulty: 3 })?.message).toContain("diveScore");
  });
});
