import type PgBoss from "pg-boss";
import { pool } from "@/lib/db/pool";
import { SERVER_START_GRACE_MS, WORKER_STALE_MS } from "@/lib/ops/heartbeat-interval";
import { BOSS_SCHEMA } from "./process-boss";

export interface OrphanedJob {
  queue: string;
  id: string;
  data: unknown;
  /** False when the job had used its retries: it is failed for good. */
  retried: boolean;
}

/** Advisory-lock key (pg_try_advisory_xact_lock(int, int)) that lets one worker sweep at a time. */
const LOCK_SPACE = 0x766a;
const LOCK_KEY = 1;

/**
 * Hands out again the active jobs of `queueNames` that no live worker has in hand: their worker's
 * heartbeat went stale (or stopped) while it ran them, or it let go of them without pg-boss hearing
 * of it (the database was down when the handler ended). Each is failed, as one of its retries, with
 * a message saying why, and may start again at once rather than after the queue's retry delay or its
 * expiry (hours for an import). A job fetched less than WORKER_STALE_MS ago is left alone: its
 * worker may not have beaten since.
 *
 * Run it from a worker whose own beats reach the database again (after an outage every worker's
 * beat is old until it beats again; after a restart of the server nothing is swept for a while).
 */
export async function takeOverOrphanedJobs(boss: PgBoss, queueNames: readonly string[]): Promise<OrphanedJob[]> {
  if (queueNames.length === 0) return [];
  const client = await pool().connect();
  let failure: Error | undefined;
  try {
    await client.query("BEGIN");
    const { rows: lock } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1, $2) AS locked", [
      LOCK_SPACE,
      LOCK_KEY,
    ]);
    if (!lock[0]?.locked) {
      await client.query("ROLLBACK");
      return [];
    }
    const { rows } = await client.query<{ name: string; id: string; data: unknown }>(
      `SELECT j.name, j.id, j.data FROM ${BOSS_SCHEMA}.job j
        WHERE j.name = ANY($1::text[]) AND j.state = 'active' AND j.started_on < now() - make_interval(secs => $2)
          -- Just after the server restarted every beat is old: give the living time to beat again.
          AND pg_postmaster_start_time() < now() - make_interval(secs => $3)
          AND NOT EXISTS (SELECT 1 FROM "WorkerHeartbeat" w
                           WHERE w.status = 'running' AND w."lastBeatAt" >= now() - make_interval(secs => $2) AND j.id = ANY(w."jobIds"))
        ORDER BY j.started_on
        LIMIT 100
        FOR UPDATE OF j SKIP LOCKED`,
      [queueNames, WORKER_STALE_MS / 1000, SERVER_START_GRACE_MS / 1000],
    );
    const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
    const orphans: OrphanedJob[] = [];
    for (const row of rows) {
      await boss.fail(row.name, row.id, { message: "the worker running it stopped beating its heartbeat" }, { db });
      // pg-boss retries after the queue's delay; a job lost with its worker need not wait.
      const { rowCount } = await client.query(
        `UPDATE ${BOSS_SCHEMA}.job SET start_after = now() WHERE name = $1 AND id = $2 AND state = 'retry'`,
        [row.name, row.id],
      );
      orphans.push({ queue: row.name, id: row.id, data: row.data, retried: rowCount === 1 });
    }
    await client.query("COMMIT");
    return orphans;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    // A client whose connection broke is dropped, not handed out again.
    client.release(failure);
  }
}
