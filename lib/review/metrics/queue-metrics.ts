import { pool } from "@/lib/db/pool";
import { NOW } from "../db/sql-fragments";
import { computeMetrics, type ReviewMetrics } from "./compute-metrics";
import { loadQueueUnits, loadRunUnits } from "./load-units";
import { memoizedQueueMetrics } from "./metrics-cache";

interface QueueProgress {
  items: number;
  overlap: number;
  /** Items with at least one submitted audit. */
  started: number;
  /** Items with `overlap` submitted audits. */
  complete: number;
  /** Submitted audits, of items × overlap. */
  submitted: number;
  target: number;
  activeLeases: number;
}

interface RaterProgress {
  raterId: string;
  name: string;
  submitted: number;
}

export interface QueueMetrics extends ReviewMetrics {
  progress: QueueProgress;
  raters: RaterProgress[];
  /** Submitted audits per hour, for the last 48 hours that had any. */
  throughput: { hour: string; submitted: number }[];
  computedAt: string;
}

/** Progress, rates with intervals, verifier precision and miss rate, agreement and gold accuracy of one queue. */
export function queueMetrics(queueId: number, options: { fresh?: boolean } = {}): Promise<QueueMetrics> {
  return memoizedQueueMetrics(queueId, () => computeQueueMetrics(queueId), options.fresh);
}

async function computeQueueMetrics(queueId: number): Promise<QueueMetrics> {
  const [progress, raters, throughput, units] = await Promise.all([
    loadProgress(queueId),
    loadRaters(queueId),
    loadThroughput(queueId),
    loadQueueUnits(queueId),
  ]);
  return { ...computeMetrics(units), progress, raters, throughput, computedAt: new Date().toISOString() };
}

/** The same figures over every audit of a run's cycles: hallucination by cycle (the paper's figure 13). */
export async function runMetrics(runId: number): Promise<ReviewMetrics & { computedAt: string }> {
  return { ...computeMetrics(await loadRunUnits(runId)), computedAt: new Date().toISOString() };
}

async function loadProgress(queueId: number): Promise<QueueProgress> {
  // Set-based (one pass over the queue's assignments), not one index probe per item.
  const { rows } = await pool().query<QueueProgress>(
    `WITH per_item AS (
       SELECT a."itemId",
              count(*) FILTER (WHERE a.status = 'SUBMITTED') AS submitted,
              count(*) FILTER (WHERE a.status = 'LEASED' AND a."leaseExpiresAt" > ${NOW}) AS leased
       FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
       WHERE i."queueId" = $1
       GROUP BY a."itemId"
     )
     SELECT (SELECT count(*) FROM "ReviewQueueItem" WHERE "queueId" = rq.id)::int AS items, rq.overlap,
            (SELECT count(*) FROM per_item WHERE submitted > 0)::int AS started,
            (SELECT count(*) FROM per_item WHERE submitted >= rq.overlap)::int AS complete,
            (SELECT coalesce(sum(submitted), 0) FROM per_item)::int AS submitted,
            ((SELECT count(*) FROM "ReviewQueueItem" WHERE "queueId" = rq.id) * rq.overlap)::int AS target,
            (SELECT coalesce(sum(leased), 0) FROM per_item)::int AS "activeLeases"
     FROM "ReviewQueue" rq WHERE rq.id = $1`,
    [queueId],
  );
  return rows[0] ?? { items: 0, overlap: 1, started: 0, complete: 0, submitted: 0, target: 0, activeLeases: 0 };
}

async function loadRaters(queueId: number): Promise<RaterProgress[]> {
  const { rows } = await pool().query<RaterProgress>(
    `SELECT u.id AS "raterId", u.name, count(a.id) FILTER (WHERE a.status = 'SUBMITTED')::int AS submitted
     FROM "User" u
     LEFT JOIN "ReviewQueueMember" m ON m."userId" = u.id AND m."queueId" = $1
     LEFT JOIN "ReviewAssignment" a ON a."userId" = u.id AND a."itemId" IN (SELECT id FROM "ReviewQueueItem" WHERE "queueId" = $1)
     WHERE m."userId" IS NOT NULL OR a.id IS NOT NULL
     GROUP BY u.id, u.name
     ORDER BY submitted DESC, u.name`,
    [queueId],
  );
  return rows;
}

async function loadThroughput(queueId: number): Promise<{ hour: string; submitted: number }[]> {
  const { rows } = await pool().query<{ hour: string; submitted: number }>(
    `SELECT to_char(date_trunc('hour', a."submittedAt"), 'YYYY-MM-DD"T"HH24:00"Z"') AS hour, count(*)::int AS submitted
     FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
     WHERE i."queueId" = $1 AND a.status = 'SUBMITTED' AND a."submittedAt" IS NOT NULL
     GROUP BY 1 ORDER BY 1 DESC LIMIT 48`,
    [queueId],
  );
  return rows.reverse();
}
