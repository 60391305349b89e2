import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { processBoss, stopProcessBoss } from "@/lib/jobs/process-boss";
import { SERVER_START_GRACE_MS } from "@/lib/ops/heartbeat-interval";
import { launchRun } from "@/lib/cycles";
import { batchQueueName, jobSender } from "../engine/job-sender";
import { createFixtureDataset, createSimulatorBackends } from "../testing/fixtures";
import { createBatches, takeDispatchable } from "./batch-repository";
import { inPgTransaction } from "./queryable";
import { idleJobSender } from "@/lib/cycles/testing/idle-job-sender";

const noJobs = idleJobSender();
const timing = { leaseSeconds: 600, retryDelaySeconds: 1, queue: batchQueueName("GENERATE") };
let cycleId: number;

beforeAll(async () => {
  const tag = `dispatch-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: tag, train: 4 });
  const backends = await createSimulatorBackends({ tag, url: "http://127.0.0.1:9" });
  const launched = await launchRun(
    { name: tag, datasets: [{ dataset: dataset.datasetId, splits: ["train"] }], backends, evaluation: { enabled: false } },
    SYSTEM_ACTOR,
    { jobs: noJobs },
  );
  cycleId = launched.cycleId;
  await createBatches(
    cycleId,
    "GENERATE",
    Array.from({ length: 9 }, () => ({ scope: {}, itemCount: 1 })),
  );
});

afterAll(async () => {
  // The batches here cover no questions: their jobs must not reach the workers of later test files.
  const { rows } = await pool().query<{ id: string }>(
    `SELECT "jobId" AS id FROM "StageBatch" WHERE "cycleId" = $1 AND "jobId" IS NOT NULL`,
    [cycleId],
  );
  if (rows.length > 0)
    await (await processBoss()).cancel(
      timing.queue,
      rows.map((row) => row.id),
    );
  await stopProcessBoss();
  await disconnectPrisma();
  await closePool();
});

async function dispatch(options: { failAfterSending?: boolean } = {}) {
  const jobs = await jobSender();
  return inPgTransaction(async (client) => {
    const due = await takeDispatchable(cycleId, "GENERATE", timing, client);
    await jobs.sendBatches("GENERATE", due, client);
    if (options.failAfterSending) throw new Error("the tick died here");
    return due;
  });
}

async function waitForServerUptime(seconds: number): Promise<void> {
  const { rows } = await pool().query<{ wait: number }>(
    `SELECT GREATEST(0, $1 - extract(epoch FROM now() - pg_postmaster_start_time()))::float AS wait`,
    [seconds],
  );
  await new Promise((resolve) => setTimeout(resolve, rows[0]!.wait * 1000));
}

async function batches() {
  const { rows } = await pool().query<{
    id: number;
    status: string;
    jobId: string | null;
    jobState: string | null;
    batchId: number | null;
    priority: number | null;
  }>(
    `SELECT b.id, b.status, b."jobId", j.state AS "jobState", (j.data->>'batchId')::int AS "batchId", j.priority
       FROM "StageBatch" b LEFT JOIN pgboss.job j ON j.id = b."jobId"
      WHERE b."cycleId" = $1 AND b.stage = 'GENERATE' ORDER BY b.id`,
    [cycleId],
  );
  return rows;
}

test("a batch is marked sent only with its job, in one transaction", async () => {
  await expect(dispatch({ failAfterSending: true })).rejects.toThrow("the tick died here");
  const untouched = await batches();
  expect(untouched.map((b) => [b.status, b.jobId])).toEqual(untouched.map(() => ["PENDING", null]));
  const { rows: orphans } = await pool().query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND (data->>'batchId')::int = ANY($2::int[])`, [
    timing.queue,
    untouched.map((b) => b.id),
  ]);
  expect(orphans).toEqual([]);

  const sent = await dispatch();
  expect(sent).toHaveLength(9);
  const after = await batches();
  for (const batch of after) {
    expect(batch).toMatchObject({ status: "RUNNING", jobState: "created", batchId: batch.id, priority: 0 });
  }
  expect(await dispatch()).toEqual([]); // queued jobs are waited for
});

test("a batch whose worker died, or whose job ended or was lost unclaimed, is sent again; the others wait", async () => {
  const ids = (await batches()).map((b) => b.id);
  const [queued, takenByDeadWorker, justTaken, ended, vanished, heldByLive, heldByStale, heldByStopped, letGo] = ids as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const jobOf = async (batchId: number) =>
    (await pool().query<{ jobId: string }>(`SELECT "jobId" FROM "StageBatch" WHERE id = $1`, [batchId])).rows[0]!.jobId;
  const setJob = (batchId: number, sql: string) =>
    pool().query(`UPDATE pgboss.job SET ${sql} WHERE id = (SELECT "jobId" FROM "StageBatch" WHERE id = $1)`, [batchId]);
  await setJob(takenByDeadWorker, "state = 'active', started_on = now() - interval '20 seconds'");
  await setJob(justTaken, "state = 'active', started_on = now() - interval '2 seconds'");
  await setJob(ended, "state = 'failed', started_on = now() - interval '2 seconds', completed_on = now()");
  await pool().query(`DELETE FROM pgboss.job WHERE id = $1`, [await jobOf(vanished)]);

  const worker = (id: string, status: string, beatSecondsAgo: number, jobIds: string[]) =>
    pool().query(
      `INSERT INTO "WorkerHeartbeat" (id, hostname, pid, queues, status, "lastBeatAt", "jobIds")
       VALUES ($1, 'test', 1, '{}', $2, now() - make_interval(secs => $3), $4::uuid[])`,
      [id, status, beatSecondsAgo, jobIds],
    );
  const claim = async (batchId: number, workerId: string, secondsAgo: number) => {
    await setJob(batchId, `state = 'active', started_on = now() - make_interval(secs => ${secondsAgo})`);
    await pool().query(
      `UPDATE "StageBatch" SET "startedAt" = now() - make_interval(secs => $2), "updatedAt" = now() - make_interval(secs => $2),
          "workerId" = $3, attempts = 1 WHERE id = $1`,
      [batchId, secondsAgo, workerId],
    );
  };
  const tag = `${Date.now()}`;
  await worker(`live-${tag}`, "running", 1, [await jobOf(heldByLive)]);
  await claim(heldByLive, `live-${tag}`, 30);
  await worker(`stale-${tag}`, "running", 20, [await jobOf(heldByStale)]);
  await claim(heldByStale, `stale-${tag}`, 30);
  await worker(`stopped-${tag}`, "stopped", 1, []);
  await claim(heldByStopped, `stopped-${tag}`, 2);
  await worker(`let-go-${tag}`, "running", 1, []);
  await claim(letGo, `let-go-${tag}`, 30);

  // Just after the server started every beat looks old, and nothing is taken over yet.
  await waitForServerUptime(SERVER_START_GRACE_MS / 1000 + 1);
  const before = new Map((await batches()).map((b) => [b.id, b.jobId]));
  const due = await dispatch();
  expect(due.map((b) => b.id)).toEqual([takenByDeadWorker, ended, vanished, heldByStale, heldByStopped, letGo]);
  for (const batch of due) expect(batch.previousJobId).toBe(before.get(batch.id));
  const after = new Map((await batches()).map((b) => [b.id, b]));
  for (const id of [queued, justTaken, heldByLive]) expect(after.get(id)!.jobId).toBe(before.get(id));
  for (const batch of due) {
    // Sent again under a new job, ahead of batches not begun yet, and the old job (if any) will not be run any more.
    expect(after.get(batch.id)).toMatchObject({ status: "RUNNING", jobState: "created", batchId: batch.id, priority: 1 });
    expect(batch.jobId).not.toBe(batch.previousJobId);
  }
  const { rows: previous } = await pool().query<{ state: string }>(`SELECT state FROM pgboss.job WHERE id = ANY($1::uuid[])`, [
    [before.get(takenByDeadWorker), before.get(heldByStale)],
  ]);
  expect(previous.map((row) => row.state)).toEqual(["cancelled", "cancelled"]);
});
