import type { Stage } from "../state-machine";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { BOSS_SCHEMA } from "@/lib/jobs/process-boss";
import { HEARTBEAT_INTERVAL_MS, SERVER_START_GRACE_MS, WORKER_STALE_MS } from "@/lib/ops/heartbeat-interval";
import { db, type Queryable } from "./queryable";

/** What a batch covers: a range of question ids of one dataset (empty for single-job stages). */
interface BatchScope {
  datasetId?: number;
  questionIds?: [number, number];
  /** Which of the plan's selections the range is cut from. */
  selection?: "train" | "evaluation";
  /** Attempts made before the batch was last reopened (resume), not counted against its limit. */
  attemptBase?: number;
}

export interface NewBatch {
  scope: BatchScope;
  itemCount: number;
  /** Already done when planned (its rows exist): created DONE, never sent to a worker. */
  settled?: boolean;
}

export interface ClaimedBatch {
  id: number;
  cycleId: number;
  stage: Stage;
  batchIndex: number;
  scope: BatchScope;
  itemCount: number;
  /** The claim: the batch's attempt number; a later claim by another worker supersedes it. */
  token: number;
}

/** A batch sent before jobs were recorded on batches, not started for this long, is presumed lost and sent again. */
const QUEUED_TIMEOUT_SECONDS = 600;

/** Who holds a claimed batch: the worker, and the pg-boss job it works the batch for. */
export interface BatchHolder {
  workerId: string;
  jobId: string;
}

/** A batch to send now: the job id to send it under, and the job it was sent with before (if any). */
export interface DueBatch {
  id: number;
  jobId: string;
  previousJobId: string | null;
}

/** Creates a stage's batches (batch index = position); existing ones are kept as they are. */
export async function createBatches(cycleId: number, stage: Stage, batches: NewBatch[], queryable: Queryable = db()): Promise<void> {
  if (batches.length === 0) return;
  await queryable.query(
    `INSERT INTO "StageBatch" ("cycleId", stage, "batchIndex", scope, "itemCount", status, "doneCount", "startedAt", "finishedAt")
     SELECT $1, $2::"Stage", i - 1, s::jsonb, c,
            CASE WHEN d THEN 'DONE' ELSE 'PENDING' END::"BatchStatus", CASE WHEN d THEN c ELSE 0 END,
            CASE WHEN d THEN now() END, CASE WHEN d THEN now() END
       FROM unnest($3::text[], $4::int[], $5::bool[]) WITH ORDINALITY AS t(s, c, d, i)
     ON CONFLICT ("cycleId", stage, "batchIndex") DO NOTHING`,
    [
      cycleId,
      stage,
      batches.map((batch) => JSON.stringify(batch.scope)),
      batches.map((batch) => batch.itemCount),
      batches.map((batch) => batch.settled === true),
    ],
  );
}

/**
 * Marks the batches that need a job now as sent, each under a new job id, and returns them; the
 * caller sends their jobs in the same transaction (`queryable` is its client), so a batch is never
 * marked sent without its job nor sent twice. A batch needs a job when it is:
 * - new, or waiting out its back-off after a run that left items to retry;
 * - claimed, but its worker died (heartbeat stale or stopped: within seconds, whatever the lease),
 *   its worker let go of it without settling it (its beats no longer list the job, e.g. the
 *   database was down when the job ended), or it has not renewed its lease;
 * - sent, but its job ended or vanished without claiming it, or a worker took the job and died
 *   before claiming it (a live worker claims at once). A job still queued is waited for.
 */
export async function takeDispatchable(
  cycleId: number,
  stage: Stage,
  timing: { leaseSeconds: number; retryDelaySeconds: number; queue: string },
  queryable: Queryable = db(),
): Promise<DueBatch[]> {
  const { rows } = await queryable.query<DueBatch>(
    `WITH due AS (
       SELECT b.id, b."jobId" AS previous
         FROM "StageBatch" b
         LEFT JOIN "WorkerHeartbeat" w ON b."startedAt" IS NOT NULL AND w.id = b."workerId"
         LEFT JOIN ${BOSS_SCHEMA}.job j ON b."startedAt" IS NULL AND j.name = $6 AND j.id = b."jobId"
        WHERE b."cycleId" = $1 AND b.stage = $2::"Stage" AND (
          (b.status = 'PENDING' AND (b.attempts = 0 OR b."updatedAt" <= now() - make_interval(secs => LEAST(60, $4 * power(2, GREATEST(b.attempts - 1, 0))))))
          OR (b.status = 'RUNNING' AND b."startedAt" IS NOT NULL AND (
            b."updatedAt" < now() - make_interval(secs => $3)
            OR (b."workerId" IS NOT NULL AND (w.id IS NULL OR w.status <> 'running'
                OR (w."lastBeatAt" < now() - make_interval(secs => $7) AND b."updatedAt" < now() - make_interval(secs => $7)
                    -- Just after the server restarted every beat is old: give the living time to beat again.
                    AND pg_postmaster_start_time() < now() - make_interval(secs => $9))))
            OR (w."lastBeatAt" > b."startedAt" + make_interval(secs => $8) AND NOT (b."jobId" = ANY(w."jobIds"))
                AND b."updatedAt" < now() - make_interval(secs => $7))))
          OR (b.status = 'RUNNING' AND b."startedAt" IS NULL AND (
            (b."jobId" IS NULL AND b."updatedAt" < now() - make_interval(secs => $5))
            OR (b."jobId" IS NOT NULL AND (j.id IS NULL OR j.state > 'active'
                OR (j.state = 'active' AND j.started_on < now() - make_interval(secs => $7)))))))
        ORDER BY b.id
        FOR UPDATE OF b)
     UPDATE "StageBatch" s SET status = 'RUNNING', "startedAt" = NULL, "workerId" = NULL, "jobId" = gen_random_uuid(), "updatedAt" = now()
       FROM due WHERE s.id = due.id
     RETURNING s.id, s."jobId", due.previous AS "previousJobId"`,
    [
      cycleId,
      stage,
      timing.leaseSeconds,
      timing.retryDelaySeconds,
      QUEUED_TIMEOUT_SECONDS,
      timing.queue,
      WORKER_STALE_MS / 1000,
      HEARTBEAT_INTERVAL_MS / 1000,
      SERVER_START_GRACE_MS / 1000,
    ],
  );
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Takes a batch for this worker (a new claim token), recording who holds it; null when it is
 * already settled.
 */
export async function claimBatch(batchId: number, holder: BatchHolder | null, queryable: Queryable = db()): Promise<ClaimedBatch | null> {
  const { rows } = await queryable.query<{
    id: number;
    cycleId: number;
    stage: Stage;
    batchIndex: number;
    scope: BatchScope;
    itemCount: number;
    attempts: number;
  }>(
    `UPDATE "StageBatch" SET status = 'RUNNING', attempts = attempts + 1, "startedAt" = now(), "updatedAt" = now(), "finishedAt" = NULL,
        "workerId" = $2, "jobId" = COALESCE($3::uuid, "jobId")
      WHERE id = $1 AND status IN ('PENDING', 'RUNNING')
      RETURNING id, "cycleId", stage, "batchIndex", scope, "itemCount", attempts`,
    [batchId, holder?.workerId ?? null, holder?.jobId ?? null],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        cycleId: row.cycleId,
        stage: row.stage,
        batchIndex: row.batchIndex,
        scope: row.scope,
        itemCount: row.itemCount,
        token: row.attempts,
      }
    : null;
}

/**
 * Renews the lease and records progress, and looks at the cycle in the same statement: "lost" when
 * another worker has claimed the batch since, "cycle-stopped" when the cycle is cancelled, failed or gone.
 */
export async function heartbeatBatch(
  batch: ClaimedBatch,
  doneCount: number,
  queryable: Queryable = db(),
): Promise<"running" | "lost" | "cycle-stopped"> {
  const { rows } = await queryable.query<{ stopped: boolean }>(
    `UPDATE "StageBatch" b SET "updatedAt" = now(), "doneCount" = $3 WHERE id = $1 AND attempts = $2 AND status = 'RUNNING'
      RETURNING COALESCE((SELECT c."cancelRequestedAt" IS NOT NULL OR c.status IN ('CANCELLED', 'FAILED') FROM "Cycle" c WHERE c.id = b."cycleId"), true) AS stopped`,
    [batch.id, batch.token, doneCount],
  );
  const row = rows[0];
  if (!row) return "lost";
  return row.stopped ? "cycle-stopped" : "running";
}

export interface BatchOutcome {
  /** DONE: every item has its row or was given up; PENDING: items remain to retry. */
  status: "DONE" | "PENDING";
  doneCount: number;
  errorCount: number;
  lastError?: string | null;
}

export async function finishBatch(batch: ClaimedBatch, outcome: BatchOutcome, queryable: Queryable = db()): Promise<boolean> {
  const { rowCount } = await queryable.query(
    `UPDATE "StageBatch" SET status = $3::"BatchStatus", "doneCount" = $4, "errorCount" = $5, "lastError" = $6,
        "finishedAt" = CASE WHEN $3 = 'DONE' THEN now() ELSE NULL END, "updatedAt" = now()
      WHERE id = $1 AND attempts = $2 AND status = 'RUNNING'`,
    [batch.id, batch.token, outcome.status, outcome.doneCount, outcome.errorCount, outcome.lastError ?? null],
  );
  return rowCount === 1;
}

/** A crash: back to PENDING for another try, or FAILED once it has used its attempts. */
export async function recordBatchCrash(
  batch: ClaimedBatch,
  message: string,
  maxAttempts: number,
  queryable: Queryable = db(),
): Promise<"PENDING" | "FAILED"> {
  const status = batch.token - (batch.scope.attemptBase ?? 0) >= maxAttempts ? "FAILED" : "PENDING";
  await queryable.query(
    `UPDATE "StageBatch" SET status = $3::"BatchStatus", "lastError" = $4, "updatedAt" = now(),
        "finishedAt" = CASE WHEN $3 = 'FAILED' THEN now() ELSE NULL END
      WHERE id = $1 AND attempts = $2`,
    [batch.id, batch.token, status, message.slice(0, 2000)],
  );
  return status;
}

export interface StageBatchCounts {
  stage: Stage;
  batches: number;
  pending: number;
  running: number;
  done: number;
  failed: number;
  items: number;
  doneItems: number;
  errorItems: number;
  lastError: string | null;
}

export async function batchCounts(cycleId: number, queryable: Queryable = db()): Promise<StageBatchCounts[]> {
  const { rows } = await queryable.query<StageBatchCounts>(
    `SELECT stage, count(*)::int AS batches,
        count(*) FILTER (WHERE status = 'PENDING')::int AS pending, count(*) FILTER (WHERE status = 'RUNNING')::int AS running,
        count(*) FILTER (WHERE status = 'DONE')::int AS done, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
        COALESCE(sum("itemCount"), 0)::int AS items, COALESCE(sum("doneCount"), 0)::int AS "doneItems",
        COALESCE(sum("errorCount"), 0)::int AS "errorItems",
        (array_agg("lastError" ORDER BY "updatedAt" DESC) FILTER (WHERE "lastError" IS NOT NULL))[1] AS "lastError"
      FROM "StageBatch" WHERE "cycleId" = $1 GROUP BY stage`,
    [cycleId],
  );
  return rows;
}

/**
 * Sends a stage's batches round again (resume, or rows found missing): existing rows are skipped.
 * Attempt numbers keep growing so a claim made before stays superseded. Through Prisma, so that a
 * resume reopens its batches in the same transaction as its other writes.
 */
export async function reopenBatches(cycleId: number, stages: Stage[], client: Db = prisma()): Promise<void> {
  await client.$executeRaw`
    UPDATE "StageBatch" SET status = 'PENDING', "startedAt" = NULL, "finishedAt" = NULL, "updatedAt" = now() - interval '1 hour',
        scope = scope || jsonb_build_object('attemptBase', attempts)
      WHERE "cycleId" = ${cycleId} AND stage = ANY(${stages}::"Stage"[])`;
}
