import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import type { SpawnedScript } from "@/lib/testing/processes";
import { launchRun, runStatus, setVideoUrlResolver } from "@/lib/cycles";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { createFixtureDataset, createSimulatorBackends, testCycleConfig } from "./testing/fixtures";
import { startWorkerProcess, stopWorkerProcess, waitForRunEnd } from "./testing/harness";

let sim: RunningSimulator;
let worker: SpawnedScript | undefined;

beforeAll(async () => {
  setVideoUrlResolver((id) => `http://media.test/videos/${id}.mp4`);
  sim = await startSimulator({ port: 0, seed: 11, trainingDurationMs: 500 });
});

afterAll(async () => {
  await stopWorkerProcess(worker);
  await stopProcessBoss();
  await sim?.close();
  await disconnectPrisma();
  await closePool();
});

/** The heartbeat id of the worker process `pid`, waiting up to `timeoutMs` for it to start beating. */
async function workerIdOf(pid: number, timeoutMs = 0): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool().query<{ id: string }>(
      `SELECT id FROM "WorkerHeartbeat" WHERE pid = $1 ORDER BY "startedAt" DESC LIMIT 1`,
      [pid],
    );
    if (rows[0]) return rows[0].id;
    if (Date.now() > deadline) throw new Error(`worker ${pid} has no heartbeat row`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The batches a worker held when it died (claimed by it, or sent with a job some worker had taken
 * but not yet claimed the batch for), and how long until the last of them was claimed by another
 * worker (milliseconds from the death). Fails past 45 s.
 */
async function waitForTakeover(cycleId: number, deadWorkerId: string, diedAt: number): Promise<{ held: number; waited: number }> {
  const { rows: held } = await pool().query<{ id: number }>(
    `SELECT b.id FROM "StageBatch" b LEFT JOIN pgboss.job j ON j.id = b."jobId"
      WHERE b."cycleId" = $1 AND b.status = 'RUNNING' AND (b."workerId" = $2 OR (b."startedAt" IS NULL AND j.state = 'active'))`,
    [cycleId, deadWorkerId],
  );
  const ids = held.map((row) => row.id);
  for (;;) {
    const { rows } = await pool().query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM "StageBatch"
        WHERE id = ANY($1::int[]) AND status <> 'DONE' AND ("startedAt" IS NULL OR "workerId" IS NOT DISTINCT FROM $2)`,
      [ids, deadWorkerId],
    );
    const waited = Date.now() - diedAt;
    if (rows[0]!.waiting === 0) return { held: ids.length, waited };
    if (waited > 45_000) throw new Error(`batches ${ids.join(", ")} of a dead worker still waiting after ${waited} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function setFaults(faults: { errorRate: number; timeoutRate: number; malformedRate: number }): Promise<void> {
  const response = await fetch(`${sim.url}/_sim/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.ok).toBe(true);
}

/** Every sampled question has exactly one Generation per mode key, and each its one Verdict. */
async function generationKeys(cycleId: number) {
  const { rows } = await pool().query<{ mode: string; rows: number; keys: number; verdicts: number; duplicates: number }>(
    `SELECT g.mode, count(*)::int AS rows, count(DISTINCT (g."questionId", g."sampleIndex"))::int AS keys,
            (SELECT count(*)::int FROM "Verdict" v JOIN "Generation" x ON x.id = v."generationId" WHERE x."cycleId" = $1 AND x.mode = g.mode) AS verdicts,
            (SELECT count(*)::int FROM (SELECT 1 FROM "Generation" y WHERE y."cycleId" = $1 AND y.mode = g.mode GROUP BY y."questionId", y."sampleIndex" HAVING count(*) > 1) d) AS duplicates
       FROM "Generation" g WHERE g."cycleId" = $1 GROUP BY g.mode ORDER BY g.mode`,
    [cycleId],
  );
  return Object.fromEntries(rows.map((row) => [row.mode, row]));
}

test("30% errors, 10% timeouts, 5% malformed replies: the cycle completes with no lost and no duplicated Generation", async () => {
  const tag = `faults-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 60, test: 12 });
  const backends = await createSimulatorBackends({
    tag,
    url: sim.url,
    inference: {
      maxConcurrency: 16,
      timeoutMs: 800,
      retries: { max: 3, baseDelayMs: 10, maxDelayMs: 100 },
      breaker: { failureThreshold: 50, cooldownMs: 200 },
    },
  });
  await fetch(`${sim.url}/_sim/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ errorRate: 0.3, timeoutRate: 0.1, malformedRate: 0.05 }),
  });
  worker = startWorkerProcess();
  // Two cycles, so that rationalization (training cycles only) runs under faults too.
  const { runId } = await launchRun(
    testCycleConfig({
      name: `faults ${tag}`,
      datasets: [{ dataset: dataset.datasetId }],
      backends,
      stopRule: { maxCycles: 2, minYieldGain: 0 },
    }),
    SYSTEM_ACTOR,
  );
  const run = await waitForRunEnd(runId, 180_000, () => worker?.output().slice(-3000) ?? "");
  expect(run.status).toBe("DONE");
  expect(run.cycles.map((c) => c.status)).toEqual(["DONE", "DONE"]);
  const cycle = run.cycles[0]!;
  const keys = await generationKeys(cycle.id);
  expect(keys.ANSWER).toMatchObject({ rows: 60, keys: 60, verdicts: 60, duplicates: 0 });
  expect(keys.EVALUATION).toMatchObject({ rows: 12, keys: 12, verdicts: 12, duplicates: 0 });
  const missed = 60 - Math.round(60 * cycle.answerYield!);
  expect(keys.RATIONALIZATION).toMatchObject({ rows: missed, keys: missed, verdicts: missed, duplicates: 0 });
  expect(await generationKeys(run.cycles[1]!.id)).toMatchObject({ ANSWER: { rows: 60, keys: 60, verdicts: 60, duplicates: 0 } });
  // No item was given up: every fault was retried to success.
  const errors = await pool().query<{ open: number; resolved: number; reasons: string[] }>(
    `SELECT count(*) FILTER (WHERE "resolvedAt" IS NULL)::int AS open, count(*) FILTER (WHERE "resolvedAt" IS NOT NULL)::int AS resolved,
            array_agg(DISTINCT reason) AS reasons FROM "ItemError" WHERE "cycleId" = $1`,
    [cycle.id],
  );
  expect(errors.rows[0]!.open).toBe(0);
  await fetch(`${sim.url}/_sim/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ errorRate: 0, timeoutRate: 0, malformedRate: 0 }),
  });
  await stopWorkerProcess(worker);
}, 240_000);

test("the same faults against a backend, breaker, retries and engine at their default settings: the cycle completes with nothing lost", async () => {
  const tag = `faults-defaults-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 60, test: 12 });
  // Defaults but for the request timeout: a held request costs 2 s here, not 2 minutes.
  const backends = await createSimulatorBackends({ tag, url: sim.url, inference: { maxConcurrency: 8, timeoutMs: 2000 } });
  await setFaults({ errorRate: 0.3, timeoutRate: 0.1, malformedRate: 0.05 });
  worker = startWorkerProcess();
  const config = testCycleConfig({
    name: `faults at defaults ${tag}`,
    datasets: [{ dataset: dataset.datasetId }],
    backends,
    stopRule: { maxCycles: 1, minYieldGain: 0 },
  });
  const { runId, cycleId } = await launchRun({ ...config, execution: {} }, SYSTEM_ACTOR);
  const run = await waitForRunEnd(runId, 300_000, () => worker?.output().slice(-3000) ?? "");
  await setFaults({ errorRate: 0, timeoutRate: 0, malformedRate: 0 });
  await stopWorkerProcess(worker);
  expect(run.status).toBe("DONE");
  const keys = await generationKeys(cycleId);
  expect(keys.ANSWER).toMatchObject({ rows: 60, keys: 60, verdicts: 60, duplicates: 0 });
  expect(keys.EVALUATION).toMatchObject({ rows: 12, keys: 12, verdicts: 12, duplicates: 0 });
  const errors = await pool().query<{ open: number; givenUp: number }>(
    `SELECT count(*) FILTER (WHERE "resolvedAt" IS NULL)::int AS open, count(*) FILTER (WHERE attempts >= 4)::int AS "givenUp"
       FROM "ItemError" WHERE "cycleId" = $1`,
    [cycleId],
  );
  expect(errors.rows[0]).toEqual({ open: 0, givenUp: 0 });
}, 360_000);

test("the worker killed with SIGKILL three times mid-stage: the cycle completes with exactly one Generation per key", async () => {
  const tag = `kill-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 240, test: 12 });
  const backends = await createSimulatorBackends({ tag, url: sim.url, inference: { maxConcurrency: 4, timeoutMs: 5000 } });
  await fetch(`${sim.url}/_sim/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ latencyMs: 60 }),
  });
  worker = startWorkerProcess();
  const { runId, cycleId } = await launchRun(
    testCycleConfig({
      name: `kill ${tag}`,
      datasets: [{ dataset: dataset.datasetId }],
      backends,
      stopRule: { maxCycles: 1, minYieldGain: 0 },
      // A lease far longer than the test: batches of a dead worker must be noticed by its heartbeat.
      execution: { batchSize: 30, leaseSeconds: 600 },
    }),
    SYSTEM_ACTOR,
  );
  const answers = async () =>
    (await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1 AND mode = 'ANSWER'`, [cycleId]))
      .rows[0]!.n;
  const kills: number[] = [];
  const takeovers: { held: number; waited: number }[] = [];
  for (const threshold of [30, 90, 160]) {
    const deadline = Date.now() + 60_000;
    while ((await answers()) < threshold) {
      if (Date.now() > deadline) throw new Error(`no progress to ${threshold} answers: ${worker.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    kills.push(await answers());
    const dead = await workerIdOf(worker.child.pid!);
    await stopWorkerProcess(worker); // SIGKILL, mid-stage
    const diedAt = Date.now();
    worker = startWorkerProcess();
    takeovers.push(await waitForTakeover(cycleId, dead, diedAt));
  }
  // Each time, the batches the dead worker held went to another worker within seconds of its death
  // (its heartbeat went stale), not after their lease or their job's expiry.
  expect(takeovers.some((t) => t.held > 0)).toBe(true);
  expect(Math.max(...takeovers.map((t) => t.waited))).toBeLessThanOrEqual(30_000);
  expect(kills.every((n) => n < 240)).toBe(true);
  const run = await waitForRunEnd(runId, 150_000, () => worker?.output().slice(-3000) ?? "");
  expect(run.status).toBe("DONE");
  const keys = await generationKeys(cycleId);
  expect(keys.ANSWER).toMatchObject({ rows: 240, keys: 240, verdicts: 240, duplicates: 0 });
  expect(keys.EVALUATION).toMatchObject({ rows: 12, keys: 12, verdicts: 12, duplicates: 0 });
  expect(keys.RATIONALIZATION).toBeUndefined(); // a single cycle is the final one: direct answers only
  // Batches that lost their worker were handed out again (their attempts show it).
  const attempts = await pool().query<{ max: number }>(
    `SELECT max(attempts)::int AS max FROM "StageBatch" WHERE "cycleId" = $1 AND stage = 'GENERATE'`,
    [cycleId],
  );
  expect(attempts.rows[0]!.max).toBeGreaterThan(1);
}, 240_000);

test("the training backend restarted and forgot the job: that attempt fails with the reason, and the next one trains", async () => {
  const tag = `lost-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 30, test: 4 });
  // A simulator of its own, whose first training job outlasts the test, restarted on the same port.
  let backend = await startSimulator({ port: 0, seed: 11, trainingDurationMs: 600_000 });
  const port = backend.port;
  try {
    const backends = await createSimulatorBackends({ tag, url: backend.url });
    worker = startWorkerProcess();
    const { runId, cycleId } = await launchRun(
      testCycleConfig({
        name: `lost ${tag}`,
        datasets: [{ dataset: dataset.datasetId }],
        backends,
        stopRule: { maxCycles: 1, minYieldGain: 0 },
      }),
      SYSTEM_ACTOR,
    );
    const trainingRuns = async () =>
      (
        await pool().query<{ attempt: number; status: string; error: string | null; submitted: boolean }>(
          `SELECT attempt, status, error, "backendJobId" IS NOT NULL AS submitted FROM "TrainingRun" WHERE "cycleId" = $1 ORDER BY attempt`,
          [cycleId],
        )
      ).rows;
    const deadline = Date.now() + 90_000;
    while (!(await trainingRuns()).some((run) => run.submitted)) {
      if (Date.now() > deadline)
        throw new Error(`training did not start: ${JSON.stringify(await runStatus(runId))} ${worker.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await backend.close();
    backend = await startSimulator({ port, seed: 11, trainingDurationMs: 500 });

    const run = await waitForRunEnd(runId, 90_000, () => worker?.output().slice(-3000) ?? "");
    expect(run.status).toBe("DONE");
    const [lost, retried] = await trainingRuns();
    expect(lost).toMatchObject({
      attempt: 1,
      status: "FAILED",
      error: expect.stringMatching(/attempt 1 lost: Ray knows no job .*HTTP 404/),
    });
    expect(retried).toMatchObject({ attempt: 2, status: "SUCCEEDED" });
  } finally {
    await stopWorkerProcess(worker);
    await backend.close();
  }
}, 180_000);
