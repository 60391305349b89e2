import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { VERIFIER_VERSION } from "@/lib/verifier";
import { launchRun } from "@/lib/cycles";
import { planRangeBatches } from "../engine/plan-batches";
import { parseCyclePlan, type CyclePlan } from "../plan";
import { createFixtureDataset, createSimulatorBackends } from "../testing/fixtures";
import { createBatches } from "./batch-repository";
import { selectedQuestionRanges } from "./selection-repository";
import { insertGenerations, insertVerdicts, recordItemErrors, type JudgedVerdict, type NewGeneration } from "./generation-store";
import { pendingGenerationItems, rangeOutcome, unverifiedGenerations, type GenerationWork } from "./work-items";
import { idleJobSender } from "@/lib/cycles/testing/idle-job-sender";

/** Engine steps without a worker: nothing is sent anywhere. */
const noJobs = idleJobSender();

let cycleId: number;
let plan: CyclePlan;
let ids: number[];
let range: [number, number];

beforeAll(async () => {
  const dataset = await createFixtureDataset({ name: `work-items-${Date.now()}`, train: 10 });
  ids = dataset.trainQuestionIds;
  range = [ids[0]!, ids[9]!];
  const backends = await createSimulatorBackends({ tag: `work-items-${Date.now()}`, url: "http://127.0.0.1:9" });
  const launched = await launchRun(
    {
      name: "work items",
      datasets: [{ dataset: dataset.datasetId, sampleSize: null, splits: ["train"] }],
      backends,
      evaluation: { enabled: false },
      execution: { maxItemAttempts: 2 },
    },
    SYSTEM_ACTOR,
    { jobs: noJobs },
  );
  cycleId = launched.cycleId;
  const { rows } = await pool().query<{ config: unknown }>(`SELECT config FROM "Cycle" WHERE id = $1`, [cycleId]);
  plan = parseCyclePlan(rows[0]!.config);
});

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

function work(stage: "GENERATE" | "RATIONALIZE" = "GENERATE"): GenerationWork {
  const mode = stage === "GENERATE" ? "ANSWER" : "RATIONALIZATION";
  const base = { cycleId, stage, mode, selection: plan.datasets[0]!.train, range, samples: 1, maxItemAttempts: 2 } as const;
  return stage === "RATIONALIZE" ? { ...base, onlyWithoutPassingAnswer: VERIFIER_VERSION } : base;
}

function answer(questionId: number, verdict?: Partial<JudgedVerdict>): NewGeneration {
  const judged = verdict && {
    verifierVersion: VERIFIER_VERSION,
    configHash: "h",
    passed: false,
    score: 0,
    threshold: null,
    method: "test",
    matches: [],
    ...verdict,
  };
  return {
    questionId,
    sampleIndex: 0,
    model: "m",
    prompt: "p",
    text: `answer to ${questionId}`,
    latencyMs: 1,
    promptTokens: 1,
    completionTokens: 1,
    finishReason: "stop",
    ...(judged ? { verdict: judged } : {}),
  };
}

async function verdictCount(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Verdict" v JOIN "Generation" g ON g.id = v."generationId" WHERE g."cycleId" = $1`,
    [cycleId],
  );
  return rows[0]!.n;
}

describe("a batch's range, read key by key", () => {
  test("starts with every selected question to do, in id order", async () => {
    const items = await pendingGenerationItems(work());
    expect(items.map((item) => item.questionId)).toEqual(ids);
    expect(items[0]).toMatchObject({
      sampleIndex: 0,
      question: "What is the person doing in this video?",
      kind: "kinetics-class",
      failedAttempts: 0,
    });
    expect(await rangeOutcome(work(), VERIFIER_VERSION)).toEqual({ remaining: 10, done: 0, givenUp: 0 });
  });

  test("writes a verdict with its answer in the same statement, once per key", async () => {
    expect(await insertGenerations(cycleId, "ANSWER", true, [answer(ids[0]!, { passed: true, score: 1 }), answer(ids[1]!)])).toBe(2);
    expect(await verdictCount()).toBe(1);
    // A rerun keeps the first answer and writes no verdict for an answer it did not insert.
    expect(await insertGenerations(cycleId, "ANSWER", true, [answer(ids[0]!, { passed: false }), answer(ids[1]!, { passed: true })])).toBe(
      0,
    );
    expect(await verdictCount()).toBe(1);
    const { rows } = await pool().query<{ passed: boolean }>(
      `SELECT v.passed FROM "Verdict" v JOIN "Generation" g ON g.id = v."generationId" WHERE g."questionId" = $1`,
      [ids[0]],
    );
    expect(rows).toEqual([{ passed: true }]);
  });

  test("leaves out written and given-up items, and carries the attempts of failed ones", async () => {
    await recordItemErrors(cycleId, "GENERATE", [
      { questionId: ids[2]!, mode: "ANSWER", sampleIndex: 0, reason: "http-400", message: "bad", attempts: 2 },
      { questionId: ids[3]!, mode: "ANSWER", sampleIndex: 0, reason: "timeout", message: "slow", attempts: 1 },
    ]);
    const items = await pendingGenerationItems(work());
    expect(items.map((item) => item.questionId)).toEqual(ids.slice(3));
    expect(items[0]!.failedAttempts).toBe(1);
    expect(await rangeOutcome(work(), VERIFIER_VERSION)).toEqual({ remaining: 7, done: 2, givenUp: 1 });
  });

  test("finds the answers without a verdict, with their text and targets", async () => {
    const verify = {
      cycleId,
      stage: "VERIFY" as const,
      mode: "ANSWER" as const,
      range,
      verifierVersion: VERIFIER_VERSION,
      maxItemAttempts: 2,
    };
    const unverified = await unverifiedGenerations(verify);
    expect(unverified).toMatchObject([
      { questionId: ids[1], sampleIndex: 0, text: `answer to ${ids[1]}`, targets: [{ labelType: "class" }] },
    ]);
    expect(await rangeOutcome({ ...work(), stage: "VERIFY" }, VERIFIER_VERSION)).toEqual({ remaining: 1, done: 1, givenUp: 0 });
  });

  test("rationalizes only questions without a passing direct answer", async () => {
    const items = await pendingGenerationItems(work("RATIONALIZE"));
    expect(items.map((item) => item.questionId)).toEqual(ids.slice(1));
  });

  test("cuts the selection into consecutive ranges of at most the batch size, in the database", async () => {
    const selection = plan.datasets[0]!.train;
    expect(await selectedQuestionRanges(selection, 4)).toEqual([
      { range: [ids[0], ids[3]], count: 4 },
      { range: [ids[4], ids[7]], count: 4 },
      { range: [ids[8], ids[9]], count: 2 },
    ]);
    expect(await selectedQuestionRanges(selection, 10)).toEqual([{ range: [ids[0], ids[9]], count: 10 }]);
    expect(await selectedQuestionRanges({ ...selection, splits: ["no-such-split"] }, 4)).toEqual([]);
  });

  test("plans a verify batch settled once every answer of its range has a verdict", async () => {
    const [open] = await planRangeBatches(cycleId, plan, "VERIFY");
    expect(open).toMatchObject({ itemCount: 2 });
    expect(open!.settled).toBeUndefined();
    const { rows } = await pool().query<{ id: number }>(`SELECT id FROM "Generation" WHERE "cycleId" = $1 AND "questionId" = $2`, [
      cycleId,
      ids[1],
    ]);
    await insertVerdicts([
      {
        generationId: rows[0]!.id,
        verifierVersion: VERIFIER_VERSION,
        configHash: "h",
        passed: false,
        score: 0,
        threshold: null,
        method: "test",
        matches: [],
      },
    ]);
    const planned = await planRangeBatches(cycleId, plan, "VERIFY");
    expect(planned).toMatchObject([{ itemCount: 2, settled: true }]);
    await createBatches(cycleId, "VERIFY", planned);
    const batches = await pool().query<{ status: string; doneCount: number; itemCount: number }>(
      `SELECT status, "doneCount", "itemCount" FROM "StageBatch" WHERE "cycleId" = $1 AND stage = 'VERIFY'`,
      [cycleId],
    );
    expect(batches.rows).toEqual([{ status: "DONE", doneCount: 2, itemCount: 2 }]);
  });
});
