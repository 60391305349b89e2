import { describe, expect, test } from "vitest";
import { wilsonInterval } from "@/lib/review/stats/wilson";
import { auditTable, evaluationTable, yieldTable } from "./chart-series";
import type { CycleTrends } from "./trend-types";

const trends: CycleTrends = {
  cycles: [
    { id: 1, runId: 1, runName: "r", index: 1, status: "DONE", label: "r · cycle 1" },
    { id: 2, runId: 1, runName: "r", index: 2, status: "DONE", label: "r · cycle 2" },
  ],
  yields: [
    { cycleId: 1, datasetId: 1, datasetName: "kinetics", mode: "ANSWER", questions: 10, passed: 4, rate: 0.4 },
    { cycleId: 1, datasetId: 1, datasetName: "kinetics", mode: "RATIONALIZATION", questions: 6, passed: 3, rate: 0.5 },
    { cycleId: 2, datasetId: 1, datasetName: "kinetics", mode: "ANSWER", questions: 10, passed: 6, rate: 0.6 },
  ],
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
  evaluations: [{ cycleId: 2, datasetId: 1, datasetName: "kinetics", total: 10, correct: 7, accuracy: 0.7 }],
};

describe("chart series", () => {
  test("yield: one row per cycle, one series per dataset and mode, gaps left empty", () => {
    const table = yieldTable(trends);
    expect(table.series).toEqual(["kinetics · answers", "kinetics · rationalizations"]);
    expect(table.rows).toEqual([
      { cycle: "r · cycle 1", cycleId: 1, "kinetics · answers": 0.4, "kinetics · rationalizations": 0.5 },
      { cycle: "r · cycle 2", cycleId: 2, "kinetics · answers": 0.6 },
    ]);
  });

  test("audits: hallucination per mode and overall precision; nothing for cycles without audits", () => {
    const table = auditTable(trends);
    expect(table.series).toEqual(["hallucination · all", "hallucination · rationalizations", "verifier precision"]);
    expect(table.rows[0]).toMatchObject({ "hallucination · all": 0.25, "hallucination · rationalizations": 0.5, "verifier precision": 1 });
    expect(Object.keys(table.rows[1]!)).toEqual(["cycle", "cycleId"]);
  });

  test("evaluation accuracy per dataset", () => {
    expect(evaluationTable(trends).rows[1]).toMatchObject({ kinetics: 0.7 });
  });
});
