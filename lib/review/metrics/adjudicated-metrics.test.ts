import { expect, test } from "vitest";
import type { AuditVerdict } from "../constants";
import { computeMetrics } from "./compute-metrics";
import type { ReviewUnit } from "./units";

let nextId = 1;
function unit(verdicts: [AuditVerdict, AuditVerdict], adjudicatedVerdict: AuditVerdict | null = null): ReviewUnit {
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
    judgements: [
      { raterId: "ana", verdict: verdicts[0], labelPresent: null },
      { raterId: "bo", verdict: verdicts[1], labelPresent: null },
    ],
    adjudicatedVerdict,
  };
}

test("an adjudicated verdict decides the unit's hallucination; agreement stays on the raters' own verdicts", () => {
  const raters = [unit(["CORRECT", "HALLUCINATED"]), unit(["CORRECT", "HALLUCINATED"]), unit(["CORRECT", "CORRECT"])];
  const before = computeMetrics(raters);
  // A tie counts as hallucinating: two of three units.
  expect(before.overall.hallucination).toMatchObject({ count: 2, n: 3 });
  expect(before.overall.adjudicated).toBe(0);

  const adjudicated = [
    { ...raters[0]!, adjudicatedVerdict: "CORRECT" as const },
    { ...raters[1]!, adjudicatedVerdict: "UNSURE" as const },
    { ...raters[2]!, adjudicatedVerdict: "HALLUCINATED" as const },
  ];
  const after = computeMetrics(adjudicated);
  // CORRECT clears the first, UNSURE leaves the second undecided, HALLUCINATED flags the third.
  expect(after.overall.hallucination).toMatchObject({ count: 1, n: 2 });
  expect(after.overall.adjudicated).toBe(3);
  expect(after.byMode[0]!.adjudicated).toBe(3);
  // Per-rater verdict counts and agreement statistics are the raters' own.
  expect(after.overall.verdicts).toEqual(before.overall.verdicts);
  expect(after.agreement.verdict.kappa).toBe(before.agreement.verdict.kappa);
  expect(after.agreement.verdict.alpha).toBe(before.agreement.verdict.alpha);
});
