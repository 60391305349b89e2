import { describe, expect, test } from "vitest";
import type { AuditVerdict } from "../constants";
import { computeMetrics } from "./compute-metrics";
import { consensusHallucinated, consensusLabelPresent } from "./consensus";
import type { Judgement, ReviewUnit } from "./units";

const j = (raterId: string, verdict: AuditVerdict | null, labelPresent: boolean | null = null): Judgement => ({
  raterId,
  verdict,
  labelPresent,
});

let nextId = 1;
function unit(partial: Partial<ReviewUnit> & { judgements: Judgement[] }): ReviewUnit {
  return {
    unitId: nextId++,
    isGold: false,
    goldAnswer: null,
    cycleId: 10,
    cycleIndex: 1,
    datasetId: 1,
    datasetName: "STAR",
    mode: "ANSWER",
    passed: true,
    ...partial,
  };
}

describe("consensus", () => {
  test("hallucinated and partly correct both count as hallucinating; unsure abstains", () => {
    expect(consensusHallucinated([j("a", "PARTLY_CORRECT")])).toBe(true);
    expect(consensusHallucinated([j("a", "CORRECT"), j("b", "UNSURE")])).toBe(false);
    expect(consensusHallucinated([j("a", "UNSURE")])).toBeUndefined();
  });

  test("a tie on hallucination counts as hallucinating; a tie on label presence decides nothing", () => {
    expect(consensusHallucinated([j("a", "CORRECT"), j("b", "HALLUCINATED")])).toBe(true);
    expect(consensusLabelPresent([j("a", null, true), j("b", null, false)])).toBeUndefined();
    expect(consensusLabelPresent([j("a", null, true), j("b", null, false), j("c", null, true)])).toBe(true);
  });
});

describe("computeMetrics", () => {
  test("hallucination rate per mode with Wilson intervals, from consensus per unit", () => {
    const units = [
      unit({ mode: "ANSWER", judgements: [j("ana", "CORRECT")] }),
      unit({ mode: "ANSWER", judgements: [j("ana", "CORRECT")] }),
      unit({ mode: "ANSWER", judgements: [j("ana", "HALLUCINATED")] }),
      unit({ mode: "RATIONALIZATION", judgements: [j("ana", "HALLUCINATED")] }),
      unit({ mode: "RATIONALIZATION", judgements: [j("ana", "PARTLY_CORRECT")] }),
      unit({ mode: "RATIONALIZATION", judgements: [j("ana", "UNSURE")] }),
    ];
    const metrics = computeMetrics(units);
    const answer = metrics.byMode.find((group) => group.key === "ANSWER")!;
    const rationalization = metrics.byMode.find((group) => group.key === "RATIONALIZATION")!;
    expect(answer.hallucination).toMatchObject({ count: 1, n: 3 });
    expect(rationalization.hallucination).toMatchObject({ count: 2, n: 2, rate: 1 });
    expect(rationalization.units).toBe(3);
    expect(metrics.overall.hallucination.rate).toBeCloseTo(3 / 5, 12);
    expect(metrics.overall.hallucination.low!).toBeLessThan(0.6);
    expect(metrics.overall.hallucination.high!).toBeGreaterThan(0.6);
    expect(metrics.overall.verdicts).toEqual({ CORRECT: 2, HALLUCINATED: 2, PARTLY_CORRECT: 1, UNSURE: 1 });
  });

  test("verifier precision is label presence among passed answers, miss rate among failed", () => {
    const units = [
      unit({ passed: true, judgements: [j("ana", "CORRECT", true)] }),
      unit({ passed: true, judgements: [j("ana", "CORRECT", true)] }),
      unit({ passed: true, judgements: [j("ana", "HALLUCINATED", false)] }),
      unit({ passed: false, judgements: [j("ana", "CORRECT", true)] }),
      unit({ passed: false, judgements: [j("ana", "HALLUCINATED", false)] }),
      unit({ passed: false, judgements: [j("ana", "HALLUCINATED", false)] }),
      unit({ passed: false, judgements: [j("ana", "HALLUCINATED", false)] }),
      unit({ passed: null, judgements: [j("ana", "CORRECT", true)] }),
    ];
    const { overall } = computeMetrics(units);
    expect(overall.precision).toMatchObject({ count: 2, n: 3 });
    expect(overall.missRate).toMatchObject({ count: 1, n: 4, rate: 0.25 });
  });

  test("groups by cycle in cycle order, and by cycle × dataset × mode", () => {
    const units = [
      unit({ cycleId: 20, cycleIndex: 2, judgements: [j("ana", "CORRECT")] }),
      unit({ cycleId: 10, cycleIndex: 1, judgements: [j("ana", "HALLUCINATED")] }),
      unit({ cycleId: 10, cycleIndex: 1, datasetId: 2, datasetName: "Kinetics", judgements: [j("ana", "CORRECT")] }),
    ];
    const metrics = computeMetrics(units);
    expect(metrics.byCycle.map((group) => group.label)).toEqual(["Cycle 1", "Cycle 2"]);
    expect(metrics.byCycleDatasetMode.map((group) => group.label)).toEqual([
      "Cycle 1 · Kinetics · Answer",
      "Cycle 1 · STAR · Answer",
      "Cycle 2 · STAR · Answer",
    ]);
  });

  test("gold items are kept out of the rates but give each rater's gold accuracy", () => {
    const gold = { verdict: "HALLUCINATED" as const, labelPresent: false, note: "" };
    const units = [
      unit({ isGold: true, goldAnswer: gold, judgements: [j("ana", "HALLUCINATED"), j("bo", "CORRECT")] }),
      unit({ isGold: true, goldAnswer: gold, judgements: [j("ana", "HALLUCINATED")] }),
      unit({ judgements: [j("ana", "CORRECT")] }),
    ];
    const metrics = computeMetrics(units);
    expect(metrics.overall.units).toBe(1);
    expect(metrics.overall.hallucination).toMatchObject({ count: 0, n: 1 });
    expect(metrics.gold).toEqual([
      expect.objectContaining({ raterId: "ana", n: 2, correct: 2 }),
      expect.objectContaining({ raterId: "bo", n: 1, correct: 0 }),
    ]);
  });

  test("two raters give Cohen's κ and Krippendorff's α; three raters give α and pairwise κ", () => {
    // The 2×2 table [[20, 5], [10, 15]] (κ = 0.4) as verdicts of two raters on 50 units.
    const cells: [AuditVerdict, AuditVerdict, number][] = [
      ["CORRECT", "CORRECT", 20],
      ["CORRECT", "HALLUCINATED", 5],
      ["HALLUCINATED", "CORRECT", 10],
      ["HALLUCINATED", "HALLUCINATED", 15],
    ];
    const twoRaters = cells.flatMap(([a, b, count]) =>
      Array.from({ length: count }, () => unit({ judgements: [j("ana", a), j("bo", b)] })),
    );
    const two = computeMetrics(twoRaters).agreement;
    expect(two.raters).toBe(2);
    expect(two.verdict.kappa).toBeCloseTo(0.4, 12);
    expect(two.verdict.alpha).not.toBeNull();
    expect(two.verdict.units).toBe(50);

    const threeRaters = [
      unit({ judgements: [j("ana", "CORRECT"), j("bo", "CORRECT"), j("cy", "CORRECT")] }),
      unit({ judgements: [j("ana", "HALLUCINATED"), j("bo", "HALLUCINATED"), j("cy", "CORRECT")] }),
      unit({ judgements: [j("ana", "HALLUCINATED"), j("cy", "HALLUCINATED")] }),
      unit({ judgements: [j("bo", "CORRECT"), j("cy", "CORRECT")] }),
    ];
    const three = computeMetrics(threeRaters).agreement;
    expect(three.raters).toBe(3);
    expect(three.verdict.kappa).toBeNull();
    expect(three.verdict.alpha).toBeGreaterThan(0);
    expect(three.verdict.pairs.map((pair) => `${pair.raterA}-${pair.raterB}:${pair.n}`).sort()).toEqual([
      "ana-bo:2",
      "ana-cy:3",
      "bo-cy:3",
    ]);
  });
});
