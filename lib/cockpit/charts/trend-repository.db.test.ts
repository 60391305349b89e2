import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import {
  createAudit,
  createAuditor,
  createDatasetWithQuestions,
  createGenerations,
  createRunWithCycles,
  uniqueTag,
} from "../testing/cockpit-fixtures";
import { compareCycles } from "./comparison-repository";
import { cycleTrends } from "./trend-repository";

let runId: number;
let c1: number;
let c2: number;
let classDataset: { id: number; name: string; questionIds: number[] };
let disputed: { generationId: number; adjudicator: string };

beforeAll(async () => {
  const tag = uniqueTag("trend");
  classDataset = await createDatasetWithQuestions(tag, "class", 4);
  const run = await createRunWithCycles(tag, 2);
  runId = run.runId;
  [c1, c2] = run.cycleIds as [number, number];
  const [q0, q1, q2, q3] = classDataset.questionIds as [number, number, number, number];
  const [a0, , , , a4] = await createGenerations(c1, [
    { questionId: q0, passed: true, latencyMs: 100, promptTokens: 50, completionTokens: 20 },
    // Two samples of one question: one pass is enough for the question to yield.
    { questionId: q1, sampleIndex: 0, passed: false },
    { questionId: q1, sampleIndex: 1, passed: true },
    { questionId: q2, passed: false },
    { questionId: q3 },
  ]);
  const [r2] = await createGenerations(c1, [{ questionId: q2, mode: "RATIONALIZATION", passed: true }]);
  await createGenerations(c2, [
    { questionId: q0, passed: true },
    { questionId: q1, passed: true },
    { questionId: q2, passed: true },
    { questionId: q3, passed: false },
    { questionId: q0, mode: "EVALUATION", passed: true },
  ]);
  const [alice, bob] = [await createAuditor(tag), await createAuditor(tag)];
  // a0 (passed): both say correct, label present → precise.
  await createAudit(a0!, alice, "CORRECT", true);
  await createAudit(a0!, bob, "CORRECT", true);
  // r2 (passed rationalization): one hallucinated, one correct → a tie counts as hallucinated; label split → undecided.
  await createAudit(r2!, alice, "HALLUCINATED", false);
  await createAudit(r2!, bob, "CORRECT", true);
  // a4 (no verdict): partly correct counts as hallucinating; no verdict → not in precision or miss rate.
  await createAudit(a4!, alice, "PARTLY_CORRECT", true);
  disputed = { generationId: r2!, adjudicator: bob };
  await prisma().evaluation.create({
    data: { cycleId: c1, datasetId: classDataset.id, total: 10, correct: 4, accuracy: 0.4 },
    select: { id: true },
  });
  await prisma().evaluation.create({ data: { cycleId: c2, datasetId: classDataset.id, total: 10, correct: 6 }, select: { id: true } });
});
afterAll(async () => {
  await closePool();
  await disconnectPrisma();
});

describe("cycle trends", () => {
  test("questions the backend gave up on stand beside the yield, never in it", async () => {
    const [q0, , , q3] = classDataset.questionIds as [number, number, number, number];
    const errors = (rows: [number, string, number, string, number][]) =>
      pool().query(
        `INSERT INTO "ItemError" ("cycleId", stage, "questionId", mode, "sampleIndex", reason, message, attempts, "updatedAt")
         SELECT c, s::"Stage", q, m::"GenerationMode", 0, 'http-503', 'unavailable', a, now()
           FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::int[]) AS u(c, s, q, m, a)`,
        [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
      );
    await errors([
      [c1, "RATIONALIZE", q3, "RATIONALIZATION", 4], // given up: no rationalization of q3
      [c1, "RATIONALIZE", q0, "RATIONALIZATION", 1], // one failed try, not given up
      [c2, "GENERATE", q0, "ANSWER", 4], // failed, but q0 has its answer: not given up
    ]);
    try {
      const trends = await cycleTrends({ runId });
      const view = trends.yields.map(({ cycleId, mode, questions, givenUp, simulated }) => ({
        cycleId,
        mode,
        questions,
        givenUp,
        simulated,
      }));
      expect(view).toEqual([
        { cycleId: c1, mode: "ANSWER", questions: 4, givenUp: 0, simulated: false },
        { cycleId: c1, mode: "RATIONALIZATION", questions: 1, givenUp: 1, simulated: false },
        { cycleId: c2, mode: "ANSWER", questions: 4, givenUp: 0, simulated: false },
      ]);
      expect(trends.yields.find((y) => y.cycleId === c1 && y.mode === "RATIONALIZATION")?.rate).toBe(1);
    } finally {
      await pool().query(`DELETE FROM "ItemError" WHERE "cycleId" = ANY($1::int[])`, [[c1, c2]]);
    }
  });

  test("yield per dataset and mode counts questions, not samples, and leaves evaluation out", async () => {
    const trends = await cycleTrends({ runId });
    expect(trends.cycles.map((cycle) => cycle.index)).toEqual([1, 2]);
    const yields = trends.yields.map(({ cycleId, mode, questions, passed, rate }) => ({ cycleId, mode, questions, passed, rate }));
    expect(yields).toEqual([
      { cycleId: c1, mode: "ANSWER", questions: 4, passed: 2, rate: 0.5 },
      { cycleId: c1, mode: "RATIONALIZATION", questions: 1, passed: 1, rate: 1 },
      { cycleId: c2, mode: "ANSWER", questions: 4, passed: 3, rate: 0.75 },
    ]);
    expect(trends.yields[0]?.datasetName).toBe(classDataset.name);
  });

  test("hallucination rate and verifier precision follow the review's consensus rules", async () => {
    const trends = await cycleTrends({ runId });
    const all = trends.audits.find((point) => point.cycleId === c1 && point.mode === null)!;
    expect(all.judged).toBe(3);
    expect(all.hallucination).toMatchObject({ count: 2, n: 3 });
    expect(all.precision).toMatchObject({ count: 1, n: 1, rate: 1 });
    expect(all.missRate.n).toBe(0);
    const rationalization = trends.audits.find((point) => point.cycleId === c1 && point.mode === "RATIONALIZATION")!;
    expect(rationalization.hallucination).toMatchObject({ count: 1, n: 1 });
    expect(trends.audits.some((point) => point.cycleId === c2)).toBe(false);
  });

  test("an adjudicated answer counts as its final verdict says, in place of its raters' tie", async () => {
    const { generationId, adjudicator } = disputed;
    await prisma().adjudication.create({
      data: { generationId, userId: adjudicator, verdict: "CORRECT", note: "the tie was a misread" },
      select: { id: true },
    });
    try {
      const trends = await cycleTrends({ runId });
      const rationalization = trends.audits.find((point) => point.cycleId === c1 && point.mode === "RATIONALIZATION")!;
      expect(rationalization.hallucination).toMatchObject({ count: 0, n: 1 });
      const all = trends.audits.find((point) => point.cycleId === c1 && point.mode === null)!;
      expect(all.hallucination).toMatchObject({ count: 1, n: 3 });
    } finally {
      await prisma().adjudication.delete({ where: { generationId }, select: { id: true } });
    }
  });

  test("evaluation accuracy is read, or computed when only counts were stored", async () => {
    const trends = await cycleTrends({ runId });
    expect(trends.evaluations.map((point) => [point.cycleId, point.accuracy])).toEqual([
      [c1, 0.4],
      [c2, 0.6],
    ]);
  });

  test("two cycles compare side by side with usage", async () => {
    const webhookUrl = "https://hooks.slack.com/services/T000/B000/secret-path";
    await prisma().cycle.update({
      where: { id: c2 },
      data: { config: { sampling: { temperature: 0.5 }, notify: { webhookUrl } } },
      select: { id: true },
    });
    const comparison = await compareCycles(c1, c2);
    expect(comparison?.a.yields.find((point) => point.mode === "ANSWER")?.rate).toBe(0.5);
    expect(comparison?.b.yields.find((point) => point.mode === "ANSWER")?.rate).toBe(0.75);
    expect(comparison?.a.usage.find((point) => point.mode === "ANSWER")).toMatchObject({
      generations: 5,
      promptTokens: 50,
      completionTokens: 20,
      meanLatencyMs: 100,
    });
    // A run's webhook URL shows its site only: its path is the launcher's secret.
    expect(comparison?.configDiff).toEqual([
      { path: "notify", a: null, b: { webhookUrl: "https://hooks.slack.com/…" } },
      { path: "sampling", a: null, b: { temperature: 0.5 } },
    ]);
    expect(await compareCycles(c1, 2_000_000_000)).toBeNull();
  });
});
