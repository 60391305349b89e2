import { describe, expect, it } from "vitest";
import { pairedBootstrap, seededRandom } from "./bootstrap";
import { arithmeticErrorShare, difficultyAccuracy, relativeL2, relativeL2Reported, sequenceAccuracy, spearmanRho } from "./metrics";

describe("spearmanRho", () => {
  it("matches a hand computation with one tie (averaged ranks)", () => {
    // pred  = [10, 20, 20, 40, 50] → ranks [1, 2.5, 2.5, 4, 5] (the tie shares (2 + 3) / 2), mean 3
    // truth = [ 1,  3,  2,  5,  4] → ranks [1, 3,   2,   5, 4],                             mean 3
    // deviations: dp = [-2, -0.5, -0.5, 1, 2], dt = [-2, 0, -1, 2, 1]
    // Σ dp·dt = 4 + 0 + 0.5 + 2 + 2 = 8.5;  Σ dp² = 4 + 0.25 + 0.25 + 1 + 4 = 9.5;  Σ dt² = 10
    // ρ = 8.5 / √(9.5 × 10) = 8.5 / √95 ≈ 0.872082
    const rho = spearmanRho([10, 20, 20, 40, 50], [1, 3, 2, 5, 4]);
    expect(rho).toBeCloseTo(8.5 / Math.sqrt(95), 12);
    expect(rho).toBeCloseTo(0.872082, 6);
  });

  it("does not depend on the order of the pairs", () => {
    expect(spearmanRho([20, 50, 10, 40, 20], [2, 4, 1, 5, 3])).toBeCloseTo(8.5 / Math.sqrt(95), 12);
  });

  it("is 1 for any increasing relation and −1 for a decreasing one", () => {
    expect(spearmanRho([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearmanRho([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1, 12);
  });

  it("rejects unpaired input", () => {
    expect(() => spearmanRho([1, 2, 3], [1, 2])).toThrow(/3 predictions for 2 true scores/);
    expect(() => spearmanRho([1], [1])).toThrow(/at least 2 pairs/);
  });
});

describe("relativeL2", () => {
  it("matches a hand computation", () => {
    // truth range = 90 − 55 = 35; errors = [−5, 2, 5, −2, −5]; squares sum = 25 + 4 + 25 + 4 + 25 = 83
    // R-ℓ2 = 83 / (5 × 35²) = 83 / 6125 ≈ 0.0135510; reported × 100 ≈ 1.35510
    const predicted = [80, 62, 95, 70, 50];
    const truth = [85, 60, 90, 72, 55];
    expect(relativeL2(predicted, truth)).toBeCloseTo(83 / 6125, 14);
    expect(relativeL2Reported(predicted, truth)).toBeCloseTo(1.355102, 6);
  });

  it("is 0 for perfect predictions and undefined when the truth has no range", () => {
    expect(relativeL2([50, 60], [50, 60])).toBe(0);
    expect(() => relativeL2([50, 60], [55, 55])).toThrow(/no range/);
  });
});

describe("accuracies and shares", () => {
  it("counts a difficulty within 0.05 as right and a missing one as wrong", () => {
    const share = difficultyAccuracy([
      { predicted: 3.2, truth: 3.2 },
      { predicted: 3.25, truth: 3.2 },
      { predicted: 3.3, truth: 3.2 },
      { predicted: null, truth: 3.0 },
    ]);
    expect(share).toBe(2 / 4);
  });

  it("needs an exact sub-action list, spelled loosely or not", () => {
    const share = sequenceAccuracy([
      { predicted: ["Inward", "3.5 soms.tuck", "Entry"], truth: ["Inward", "3.5 Soms.Tuck", "Entry"] },
      { predicted: ["Inward", "3.5 Soms.Tuck"], truth: ["Inward", "3.5 Soms.Tuck", "Entry"] },
      { predicted: ["Back", "1 Soms.Pike", "Entry"], truth: ["Back", "1 Som.Pike", "Entry"] },
      { predicted: null, truth: ["Entry"] },
    ]);
    expect(share).toBe(2 / 4);
  });

  it("shares rationales with at least one arithmetic flag", () => {
    expect(arithmeticErrorShare([{ flags: [] }, { flags: [1] }, { flags: [1, 2] }, { flags: [] }, { flags: [] }])).toBe(2 / 5);
    expect(() => arithmeticErrorShare([])).toThrow(/no items/);
  });
});

describe("pairedBootstrap", () => {
  const random = seededRandom(7);
  const truth = Array.from({ length: 60 }, () => 30 + random() * 70);
  const predicted = truth.map((t) => t + (random() - 0.5) * 20);

  it("is reproducible for a seed and differs across seeds", () => {
    const a = pairedBootstrap(spearmanRho, predicted, truth, { seed: 1, resamples: 300 });
    const b = pairedBootstrap(spearmanRho, predicted, truth, { seed: 1, resamples: 300 });
    const c = pairedBootstrap(spearmanRho, predicted, truth, { seed: 2, resamples: 300 });
    expect(b).toEqual(a);
    expect(c.low).not.toBe(a.low);
  });

  it("brackets the full-sample estimate with a 95 % percentile interval (1000 resamples by default)", () => {
    const interval = pairedBootstrap(relativeL2Reported, predicted, truth);
    expect(interval.resamples).toBe(1000);
    expect(interval.used).toBe(1000);
    expect(interval.confidence).toBe(0.95);
    expect(interval.low).toBeLessThan(interval.estimate);
    expect(interval.high).toBeGreaterThan(interval.estimate);
  });

  it("skips resamples where the metric is undefined", () => {
    // With 3 pairs, some resamples repeat one pair three times: all ranks tie and ρ is undefined.
    const interval = pairedBootstrap(spearmanRho, [1, 2, 3], [1, 3, 2], { resamples: 200, seed: 3 });
    expect(interval.used).toBeLessThan(200);
    expect(interval.used).toBeGreaterThan(0);
  });
});
