import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import type { SpawnedScript } from "@/lib/testing/processes";
import { launchRun, setVideoUrlResolver } from "@/lib/cycles";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { createFixtureDataset, createSimulatorBackends, testCycleConfig } from "./testing/fixtures";
import { startWorkerProcess, stopWorkerProcess, waitForRunEnd } from "./testing/harness";

let sim: RunningSimulator;
let worker: SpawnedScript | undefined;

beforeAll(async () => {
  setVideoUrlResolver((id) => `http://media.test/videos/${id}.mp4`);
  sim = await startSimulator({ port: 0, seed: 5, trainingDurationMs: 300 });
});

afterEach(async () => {
  await stopWorkerProcess(worker);
  worker = undefined;
});

afterAll(async () => {
  await stopProcessBoss();
  await sim?.close();
  await disconnectPrisma();
  await closePool();
});

/** A backend that answers one request in ten (no retries in the client): many items are given up. */
async function faultyRun(tag: string, maxErrorShare: number) {
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 31, test: 8 });
  const backends = await createSimulatorBackends({
    tag,
    url: sim.url,
    inference: {
      maxConcurrency: 8,
      timeoutMs: 800,
      retries: { max: 0, baseDelayMs: 10, maxDelayMs: 20 },
      breaker: { failureThreshold: 1000, cooldownMs: 100 },
    },
  });
  await fetch(`${sim.url}/_sim/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ errorRate: 0.9 }),
  });
  worker = startWorkerProcess();
  const { runId } = await launchRun(
    testCycleConfig({
      name: `given up ${tag}`,
      datasets: [{ dataset: dataset.datasetId }],
      backends,
      sampling: { samplesPerQuestion: 3 },
      stopRule: { maxCycles: 1, minYieldGain: 0 },
      execution: { maxErrorShare, maxItemAttempts: 2 },
    }),
    SYSTEM_ACTOR,
  );
  return waitForRunEnd(runId, 150_000, () => worker?.output().slice(-3000) ?? "");
}

test("items given up by a faulty backend: the cycle ends done with errors, its rates over the answered items only", async () => {
  const run = await faultyRun(`errors-${Date.now()}`, 0.95);
  const cycle = run.cycles[0]!;
  expect(cycle.status).toBe("DONE_WITH_ERRORS");
  const generate = cycle.stages.find((s) => s.stage === "GENERATE")!;
  expect(generate.itemsGivenUp).toBeGreaterThan(0);

  // The yield is over the questions answered; the never-answered ones stand beside it, not counted as wrong.
  const { rows } = await pool().query<{ answered: number; passed: number }>(
    `SELECT count(DISTINCT g."questionId")::int AS answered,
            count(DISTINCT g."questionId") FILTER (WHERE v.passed)::int AS passed
       FROM "Generation" g LEFT JOIN "Verdict" v ON v."generationId" = g.id
      WHERE g."cycleId" = $1 AND g.mode = 'ANSWER'`,
    [cycle.id],
  );
  const { answered, passed } = rows[0]!;
  expect(answered).toBeLessThan(31);
  expect(cycle.answered).toBe(answered);
  expect(cycle.givenUp).toBe(31 - answered);
  expect(cycle.answerYield).toBeCloseTo(passed / answered, 12);

  // Held-out accuracy: over the held-out questions answered, the given-up ones recorded beside it.
  const evaluation = await pool().query<{ total: number; correct: number; accuracy: number | null; metrics: Record<string, unknown> }>(
    `SELECT total, correct, accuracy, metrics FROM "Evaluation" WHERE "cycleId" = $1`,
    [cycle.id],
  );
  const held = evaluation.rows[0]!;
  const evaluated = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1 AND mode = 'EVALUATION'`,
    [cycle.id],
  );
  expect(held.total).toBe(evaluated.rows[0]!.n);
  expect(held.metrics).toMatchObject({ planned: 8, answered: held.total, givenUp: 8 - held.total, simulated: true });
  if (held.total > 0) expect(held.accuracy).toBeCloseTo(held.correct / held.total, 12);
}, 200_000);

test("more given up than the configured share: the cycle fails, naming the count", async () => {
  const run = await faultyRun(`fail-${Date.now()}`, 0.05);
  const cycle = run.cycles[0]!;
  expect(cycle.status).toBe("FAILED");
  expect(cycle.error).toMatch(/items could not be done .* more than the allowed 5%/);
  expect(run.status).toBe("FAILED");
}, 200_000);
