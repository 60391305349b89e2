import type pg from "pg";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditWithPg } from "@/lib/audit/audit-repository";
import { pool } from "@/lib/db/pool";
import { conflict } from "@/lib/errors/domain-error";
import { BOSS_SCHEMA, processBoss } from "@/lib/jobs/process-boss";

/** A job still running after this long is shown beside the failed ones. */
export const LONG_ACTIVE_SECONDS = 10 * 60;
const PROBLEM_LIMIT = 50;

export interface QueueCounts {
  queue: string;
  /** Waiting to be taken: new (pg-boss `created`) or waiting to be tried again (`retry`). */
  queued: number;
  active: number;
  failed: number;
}

export interface ProblemJob {
  id: string;
  queue: string;
  state: "failed" | "active";
  /** The error a failed job ended with, as pg-boss stored it; null for a running job. */
  error: string | null;
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
}

interface CountRow {
  queue: string;
  queued: string;
  active: string;
  failed: string;
}

/** Per pg-boss queue (every queue created, even without jobs), its queued, active and failed jobs. */
export async function listQueueCounts(): Promise<QueueCounts[]> {
  await bossTables();
  const { rows } = await pool().query<CountRow>(
    `SELECT q.name AS queue,
            count(j.id) FILTER (WHERE j.state IN ('created', 'retry')) AS queued,
            count(j.id) FILTER (WHERE j.state = 'active') AS active,
            count(j.id) FILTER (WHERE j.state = 'failed') AS failed
       FROM ${BOSS_SCHEMA}.queue q
       LEFT JOIN ${BOSS_SCHEMA}.job j ON j.name = q.name
      GROUP BY q.name
      ORDER BY q.name`,
  );
  return rows.map((row) => ({ queue: row.queue, queued: Number(row.queued), active: Number(row.active), failed: Number(row.failed) }));
}

interface ProblemRow {
  id: string;
  queue: string;
  state: "failed" | "active";
  error: string | null;
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
}

/**
 * Failed jobs (newest first) and jobs active for longer than `longActiveSeconds` (oldest first).
 * pg-boss stores a handler's thrown error as its serialised form in `output` ({ message, stack })
 * and a plain value as { value }.
 */
export async function listProblemJobs(options: { now?: Date; longActiveSeconds?: number; limit?: number } = {}): Promise<ProblemJob[]> {
  const now = options.now ?? new Date();
  const longActiveSeconds = options.longActiveSeconds ?? LONG_ACTIVE_SECONDS;
  const limit = options.limit ?? PROBLEM_LIMIT;
  await bossTables();
  const columns = `id::text AS id, name AS queue, state::text AS state, retry_count AS "retryCount",
    created_on AS "createdOn", started_on AS "startedOn", completed_on AS "completedOn"`;
  const [failed, active] = await Promise.all([
    pool().query<ProblemRow>(
      `SELECT ${columns}, COALESCE(output->>'message', output->>'value', output::text) AS error
         FROM ${BOSS_SCHEMA}.job WHERE state = 'failed'
        ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
      [limit],
    ),
    pool().query<ProblemRow>(
      `SELECT ${columns}, NULL AS error
         FROM ${BOSS_SCHEMA}.job WHERE state = 'active' AND started_on < $1::timestamptz - make_interval(secs => $2)
        ORDER BY started_on LIMIT $3`,
      [now, longActiveSeconds, limit],
    ),
  ]);
  return [...failed.rows, ...active.rows];
}

/**
 * Puts a failed job back in its queue through pg-boss's retry (it gains one more try), with the
 * audit entry in the same transaction. Refused when the job is not (or no longer) failed.
 */
export async function retryFailedJob(id: string, actor: Actor): Promise<{ queue: string }> {
  const boss = await processBoss();
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ name: string }>(
      `SELECT name FROM ${BOSS_SCHEMA}.job WHERE id = $1::uuid AND state = 'failed' FOR UPDATE`,
      [id],
    );
    const queue = rows[0]?.name;
    if (queue === undefined) throw conflict("The job is not failed (it was retried already, or does not exist)");
    const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
    // Locked above as failed, so pg-boss's update (state failed → retry) takes it.
    await boss.retry(queue, id, { db });
    await recordAuditWithPg(client, actor, { action: "job.retry", targetId: id, details: { queue } });
    await client.query("COMMIT");
    return { queue };
  } catch (error) {
    await rollback(client);
    throw error;
  } finally {
    client.release();
  }
}

/** pg-boss creates its tables when it first starts: before any worker ran, this process starts it. */
async function bossTables(): Promise<void> {
  await processBoss();
}

async function rollback(client: pg.PoolClient): Promise<void> {
  await client.query("ROLLBACK").catch(() => undefined);
}
