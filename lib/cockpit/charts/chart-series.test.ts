import { describe, expect, test } from "vitest";
import { wilsonInterval } from "@/lib/review/stats/wilson";
import { auditTable, evaluationTable, yieldTable } from "./chart-series";
import type { ChartCycle, CycleTrends, YieldPoint } from "./trend-types";

const cycle = (id: number, runId: number, index: number, simulated = false): ChartCycle => ({
  id,
  runId,
  runName: `r${runId}`,
  index,
  status: "DONE",
  label: `r${runId} · cycle ${index}`,
  simulated,
});

const yieldPoint = (cycleId: number, mode: string, questions: number, passed: number, givenUp = 0): YieldPoint => ({
  cycleId,
  datasetId: 1,
  datasetName: "kinetics",
  mode,
  questions,
  passed,
  rate: questions > 0 ? passed / questions : null,
  givenUp,
  simulated: false,
});

const trends: CycleTrends = {
  cycles: [cycle(1, 1, 1), cycle(2, 1, 2)],
  yields: [yieldPoint(1, "ANSWER", 10, 4, 3), yieldPoint(1, "RATIONALIZATION", 6, 3), yieldPoint(2, "ANSWER", 10, 6)],
  audits: [
    {
      cycleId: 1,
      mode: null,
      judged: 4,
      hallucination: wilsonInterval(1, 4),
      precision: wilsonInterval(3, 3),
      missRate: wilsonInterval(0, 0),
    },
    {
      cycleId: 1,
      mode: "RATIONALIZATION",
      judged: 2,
      hallucination: wilsonInterval(1, 2),
      precision: wilsonInterval(0, 0),
      missRate: wilsonInterval(0, 0),
    },
  ],
  evaluations: [{ cycleId: 2, datasetId: 1, datasetName: "kinetics", total: 10, correct: 7, accuracy: 0.7, givenUp: 2, simulated: false }],
};

describe("chart series", () => {
  test("yield: one row per cycle, one series per dataset and mode, a missing value left as a gap", () => {
    const table = yieldTable(trends);
    expect(table.series.map((s) => s.key)).toEqual(["kinetics · answers", "kinetics · rationalizations"]);
    expect(table.rows).toEqual([
      { cycle: "r1 · cycle 1", cycleId: 1, simulated: false, "kinetics · answers": 0.4, "kinetics · rationalizations": 0.5 },
      { cycle: "r1 · cycle 2", cycleId: 2, simulated: false, "kinetics · answers": 0.6, "kinetics · rationalizations": null },
    ]);
  });

  test("each point keeps what it is over (n) and the items given up beside it", () => {
    const table = yieldTable(trends);
    expect(table.points[1]?.["kinetics · answers"]).toEqual({ value: 0.4, n: 10, givenUp: 3 });
    expect(evaluationTable(trends).points[2]?.kinetics).toEqual({ value: 0.7, n: 10, givenUp: 2 });
  });

  test("two runs: one line per run, each valued on its own cycles only, the runs' cycles kept together", () => {
    const twoRuns: CycleTrends = {
      cycles: [cycle(1, 1, 1), cycle(2, 2, 1, true), cycle(3, 1, 2), cycle(4, 2, 2, true)],
      yields: [
        yieldPoint(1, "ANSWER", 10, 4),
        yieldPoint(2, "ANSWER", 1, 1),
        yieldPoint(3, "ANSWER", 10, 5),
        yieldPoint(4, "ANSWER", 8, 2),
      ],
      audits: [],
      evaluations: [],
    };
    const table = yieldTable(twoRuns);
    const run1 = "r1 (run 1) · kinetics · answers";
    const run2 = "r2 (run 2) · kinetics · answers";
    expect(table.series).toEqual([
      { key: run1, runId: 1 },
      { key: run2, runId: 2 },
    ]);
    // Run 1's cycles, then run 2's: no line crosses into the other run's cycles.
    expect(table.rows.map((row) => row.cycleId)).toEqual([1, 3, 2, 4]);
    expect(table.rows.map((row) => [row[run1], row[run2]])).toEqual([
      [0.4, undefined],
      [0.5, undefined],
      [undefined, 1],
      [undefined, 0.25],
    ]);
    expect(table.points[2]?.[run2]?.n).toBe(1);
    expect(table.simulated).toEqual(["r2 · cycle 1", "r2 · cycle 2"]);
  });

  test("audits: hallucination per mode and overall precision; nothing for cycles without audits", () => {
    const table = auditTable(trends);
    expect(table.series.map((s) => s.key)).toEqual(["hallucination · all", "hallucination · rationalizations", "verifier precision"]);
    expect(table.rows[0]).toMatchObject({ "hallucination · all": 0.25, "hallucination · rationalizations": 0.5, "verifier precision": 1 });
    expect(table.rows[1]).toMatchObject({ "hallucination · all": null, "verifier precision": null });
    expect(table.points[1]?.["verifier precision"]?.n).toBe(3);
  });

  test("evaluation accuracy per dataset", () => {
    expect(evaluationTable(trends).rows[1]).toMatchObject({ kinetics: 0.7 });
  });
});
