import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { CircuitOpenError, parseInferenceBackendConfig, type GenerateResult } from "@/lib/backends";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { launchRun } from "@/lib/cycles";
import { parseCyclePlan, type CyclePlan } from "../plan";
import { claimBatch, createBatches } from "../db/batch-repository";
import { pendingGenerationItems, type GenerationWork } from "../db/work-items";
import { BatchRun } from "../engine/batch-context";
import { createFixtureDataset, createSimulatorBackends } from "../testing/fixtures";
import { generateItems } from "./generate-items";
import { idleJobSender } from "@/lib/cycles/testing/idle-job-sender";

const noJobs = idleJobSender();
const config = parseInferenceBackendConfig({ kind: "simulator", baseUrl: "http://127.0.0.1:9", model: "m", maxConcurrency: 2 });
let cycleId: number;
let plan: CyclePlan;
let work: GenerationWork;

beforeAll(async () => {
  const tag = `circuit-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: tag, train: 4 });
  const backends = await createSimulatorBackends({ tag, url: "http://127.0.0.1:9" });
  const launched = await launchRun(
    { name: tag, datasets: [{ dataset: dataset.datasetId, splits: ["train"] }], backends, evaluation: { enabled: false } },
    SYSTEM_ACTOR,
    { jobs: noJobs },
  );
  cycleId = launched.cycleId;
  const { rows } = await pool().query<{ config: unknown }>(`SELECT config FROM "Cycle" WHERE id = $1`, [cycleId]);
  plan = parseCyclePlan(rows[0]!.config);
  const ids = dataset.trainQuestionIds;
  work = {
    cycleId,
    stage: "GENERATE",
    mode: "ANSWER",
    selection: plan.datasets[0]!.train,
    range: [ids[0]!, ids[3]!],
    samples: 1,
    maxItemAttempts: plan.config.execution.maxItemAttempts,
  };
  await createBatches(cycleId, "GENERATE", [{ scope: { datasetId: dataset.datasetId, questionIds: [ids[0]!, ids[3]!] }, itemCount: 4 }]);
});

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

function answer(): GenerateResult {
  return { text: "riding camel", model: "m", latencyMs: 1, promptTokens: 1, completionTokens: 1, finishReason: "stop", attempts: 1 };
}

async function runBatch(generate: () => Promise<GenerateResult>) {
  const { rows } = await pool().query<{ id: number }>(`SELECT id FROM "StageBatch" WHERE "cycleId" = $1 AND stage = 'GENERATE'`, [cycleId]);
  const batch = await claimBatch(rows[0]!.id, null);
  const run = new BatchRun(batch!, new AbortController().signal);
  return generateItems({
    run,
    cycleId,
    stage: "GENERATE",
    mode: "ANSWER",
    items: await pendingGenerationItems(work),
    config: plan.config,
    client: { config, generate },
    simulated: true,
    checkpoint: { kind: "base" },
    videoUrl: (id) => `http://media.test/${id}.mp4`,
    doneBefore: 0,
  });
}

async function itemErrors() {
  const { rows } = await pool().query<{ reason: string; attempts: number; resolved: boolean }>(
    `SELECT reason, attempts, "resolvedAt" IS NOT NULL AS resolved FROM "ItemError" WHERE "cycleId" = $1 ORDER BY "questionId"`,
    [cycleId],
  );
  return rows;
}

test("requests refused by an open circuit wait for its cool-down and are asked again, using no attempt", async () => {
  // Refused 6 times (more than a pass over the 4 items and a retry pass make): the breaker's
  // cool-down, then requests let through.
  let refusals = 0;
  const result = await runBatch(async () => {
    if (refusals < 6) {
      refusals += 1;
      throw new CircuitOpenError("test backend", 300);
    }
    return answer();
  });
  expect(result).toEqual({ written: 4, failed: 0 });
  expect(refusals).toBe(6);
  expect(await itemErrors()).toEqual([]);
});

test("items still refused when the batch stops waiting keep their attempts, and count once the backend answers", async () => {
  await pool().query(`DELETE FROM "Generation" WHERE "cycleId" = $1`, [cycleId]);
  // A circuit open for longer than a batch waits: the items are left for the batch's next run.
  const refused = await runBatch(async () => {
    throw new CircuitOpenError("test backend", 10 * 60_000);
  });
  expect(refused).toEqual({ written: 0, failed: 4 });
  expect(await itemErrors()).toEqual(Array.from({ length: 4 }, () => ({ reason: "circuit-open", attempts: 0, resolved: false })));
  const pending = await pendingGenerationItems(work);
  expect(pending.map((item) => [item.failedAttempts, item.hasOpenError])).toEqual(Array.from({ length: 4 }, () => [0, true]));

  const answered = await runBatch(async () => answer());
  expect(answered).toEqual({ written: 4, failed: 0 });
  expect(await itemErrors()).toEqual(Array.from({ length: 4 }, () => ({ reason: "circuit-open", attempts: 0, resolved: true })));
  expect(await pendingGenerationItems(work)).toEqual([]);
});
