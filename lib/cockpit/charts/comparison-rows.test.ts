import { describe, expect, test } from "vitest";
import { wilsonInterval } from "@/lib/review/stats/wilson";
import type { ComparedCycle } from "./comparison-repository";
import { auditRows, evaluationRows, yieldRows } from "./comparison-rows";

function cycle(partial: Partial<ComparedCycle>): ComparedCycle {
  return {
    id: 1,
    runId: 1,
    runName: "r",
    index: 1,
    label: "r · cycle 1",
    status: "DONE",
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    outputCheckpoint: null,
    simulated: false,
    yields: [],
    audits: [],
    evaluations: [],
    usage: [],
    ...partial,
  };
}

describe("comparison rows", () => {
  test("yields are matched by dataset and mode, with the change and the counts", () => {
    const a = cycle({
      yields: [
        {
          cycleId: 1,
          datasetId: 7,
          datasetName: "star",
          mode: "ANSWER",
          questions: 10,
          passed: 4,
          rate: 0.4,
          givenUp: 0,
          simulated: false,
        },
      ],
    });
    const b = cycle({
      id: 2,
      yields: [
        {
          cycleId: 2,
          datasetId: 7,
          datasetName: "star",
          mode: "ANSWER",
          questions: 10,
          passed: 7,
          rate: 0.7,
          givenUp: 2,
          simulated: false,
        },
        {
          cycleId: 2,
          datasetId: 7,
          datasetName: "star",
          mode: "RATIONALIZATION",
          questions: 3,
          passed: 1,
          rate: 1 / 3,
          givenUp: 0,
          simulated: false,
        },
      ],
    });
    const rows = yieldRows(a, b);
    expect(rows.map((entry) => entry.category)).toEqual(["star · answers", "star · rationalizations"]);
    expect(rows[0]).toMatchObject({ a: 0.4, b: 0.7, detailA: "4/10", detailB: "7/10 · 2 given up" });
    expect(rows[0]?.delta).toBeCloseTo(0.3);
    expect(rows[1]).toMatchObject({ a: null, delta: null, detailA: "—" });
  });

  test("audits give hallucination per mode and precision; evaluations accuracy per dataset", () => {
    const a = cycle({
      audits: [
        {
          cycleId: 1,
          mode: null,
          judged: 4,
          hallucination: wilsonInterval(2, 4),
          precision: wilsonInterval(1, 2),
          missRate: wilsonInterval(0, 0),
        },
      ],
    });
    const b = cycle({
      evaluations: [{ cycleId: 2, datasetId: 1, datasetName: "k", total: 4, correct: 3, accuracy: 0.75, givenUp: 0, simulated: false }],
    });
    expect(auditRows(a, b)).toEqual([
      { category: "hallucination · all", a: 0.5, b: null, delta: null, detailA: "2/4", detailB: "—" },
      { category: "verifier precision", a: 0.5, b: null, delta: null, detailA: "1/2", detailB: "—" },
    ]);
    expect(evaluationRows(a, b)).toEqual([{ category: "accuracy · k", a: null, b: 0.75, delta: null, detailA: "—", detailB: "3/4" }]);
  });
});
