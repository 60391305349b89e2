import { describe, expect, it } from "vitest";
import { FINEDIVING_PUBLISHED_ANCHORS } from "./anchors";
import { evaluateAqa, evaluationItemFromAnswer } from "./evaluation";
import { relativeL2Reported, spearmanRho } from "./metrics";

describe("evaluationItemFromAnswer", () => {
  it("turns an answer into predictions and counts its arithmetic flags", () => {
    const answer =
      "The dive is Inward→3.5 Soms.Tuck→Entry. The average of 2.5, 3.4, 3.4, 3.4 is 3.4, so the degree of " +
      "difficulty is 3.4. The final score is 79.2.";
    const item = evaluationItemFromAnswer(answer, { score: 85.78, difficulty: 3.5, sequence: ["Inward", "3.5 Soms.Tuck", "Entry"] });
    expect(item).toEqual({
      trueScore: 85.78,
      predictedScore: 79.2,
      trueDifficulty: 3.5,
      predictedDifficulty: 3.4,
      trueSequence: ["Inward", "3.5 Soms.Tuck", "Entry"],
      predictedSequence: ["Inward", "3.5 Soms.Tuck", "Entry"],
      arithmeticFlags: 1,
    });
  });
});

describe("evaluateAqa", () => {
  const items = [
    { trueScore: 85.78, predictedScore: 79.2, trueDifficulty: 3.5, predictedDifficulty: 3.3, arithmeticFlags: 0 },
    { trueScore: 74.8, predictedScore: 76.5, trueDifficulty: 3.2, predictedDifficulty: 3.2, arithmeticFlags: 1 },
    { trueScore: 54.6, predictedScore: 47.0, trueDifficulty: 2.0, predictedDifficulty: 2.0, arithmeticFlags: 0 },
    { trueScore: 64.0, predictedScore: 60.0, trueDifficulty: 3.0, predictedDifficulty: null, arithmeticFlags: 0 },
    { trueScore: 71.4, predictedScore: null, trueSequence: ["Entry"], predictedSequence: ["Entry"] },
  ];

  it("computes ρ and R-ℓ2 over the answers that give a score, with intervals", () => {
    const report = evaluateAqa(items, { resamples: 200, seed: 5 });
    const predicted = [79.2, 76.5, 47.0, 60.0];
    const truth = [85.78, 74.8, 54.6, 64.0];
    expect(report.items).toBe(5);
    expect(report.scored).toBe(4);
    expect(report.spearman?.estimate).toBeCloseTo(spearmanRho(predicted, truth), 12);
    expect(report.relativeL2x100?.estimate).toBeCloseTo(relativeL2Reported(predicted, truth), 12);
    expect(report.spearman?.resamples).toBe(200);
  });

  it("reports difficulty and sequence accuracy and the share of rationales with arithmetic errors", () => {
    const report = evaluateAqa(items, { resamples: 50 });
    expect(report.difficultyAccuracy).toBe(2 / 4);
    expect(report.sequenceAccuracy).toBe(1);
    expect(report.arithmeticErrorShare).toBe(1 / 4);
    expect(report.anchors).toEqual({ spearman: 0.94, relativeL2x100: 0.26 });
    expect(report.anchors).toBe(FINEDIVING_PUBLISHED_ANCHORS);
  });

  it("names the bad item and field", () => {
    expect(() =>
      evaluateAqa([
        { trueScore: 80, predictedScore: 70 },
        { trueScore: "80", predictedScore: 70 },
      ]),
    ).toThrow(/evaluation item 1: trueScore/);
  });
});

describe("the one rule for ρ and relative L2", () => {
  it("two scored answers over dives of one true score: neither figure, and one reason for both", () => {
    const report = evaluateAqa([
      { trueScore: 70, predictedScore: 60 },
      { trueScore: 70, predictedScore: 80 },
    ]);
    expect(report.scored).toBe(2);
    expect(report.spearman).toBeNull();
    expect(report.relativeL2x100).toBeNull();
    expect(report.unavailable.spearman).toBe("the 2 scored dives all have the same true score: nothing to compare against");
    expect(report.unavailable.relativeL2x100).toBe(report.unavailable.spearman);
  });

  it("answers that all state one score: relative L2 but no ρ, and it says why", () => {
    const report = evaluateAqa([
      { trueScore: 60, predictedScore: 70 },
      { trueScore: 80, predictedScore: 70 },
    ]);
    expect(report.spearman).toBeNull();
    expect(report.unavailable.spearman).toMatch(/all 2 answers state the same score/);
    expect(report.relativeL2x100?.estimate).toBeCloseTo(relativeL2Reported([70, 70], [60, 80]), 12);
    expect(report.unavailable.relativeL2x100).toBeNull();
  });

  it("fewer than two scored answers: the reason counts them", () => {
    const report = evaluateAqa([
      { trueScore: 60, predictedScore: 70 },
      { trueScore: 80, predictedScore: null },
    ]);
    expect(report.unavailable).toEqual({
      spearman: "needs at least 2 answers that state a score; 1 does",
      relativeL2x100: "needs at least 2 answers that state a score; 1 does",
    });
  });
});
