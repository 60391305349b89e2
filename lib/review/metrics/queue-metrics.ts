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
  const [summary, units] = await Promise.all([loadSummary(queueId), loadQueueUnits(queueId)]);
  return { ...computeMetrics(units), ...summary, computedAt: new Date().toISOString() };
}

/** The same figures over every audit of a run's cycles: hallucination by cycle (the paper's figure 13). */
export async function runMetrics(runId: number): Promise<ReviewMetrics & { computedAt: string }> {
  return { ...computeMetrics(await loadRunUnits(runId)), computedAt: new Date().toISOString() };
}

const NO_PROGRESS: QueueProgress = { items: 0, overlap: 1, started: 0, complete: 0, submitted: 0, target: 0, activeLeases: 0 };

/**
 * Progress, each person's submissions and the hourly throughput in one statement: the queue's
 * assignments are joined to its items once (set-based, not one index probe per item) and every
 * figure is read from that.
 */
async function loadSummary(queueId: number): Promise<Pick<QueueMetrics, "progress" | "raters" | "throughput">> {
  const { rows } = await pool().query<{
    progress: QueueProgress | null;
    raters: RaterProgress[] | null;
    throughput: { hour: string; submitted: number }[] | null;
  }>(
    `WITH qa AS MATERIALIZED (
       SELECT a."itemId", a."userId", a.status, a."submittedAt", (a.status = 'LEASED' AND a."leaseExpiresAt" > ${NOW}) AS leased
       FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
       WHERE i."queueId" = $1
     ),
     per_item AS (
       SELECT "itemId", count(*) FILTER (WHERE status = 'SUBMITTED') AS submitted, count(*) FILTER (WHERE leased) AS leased
       FROM qa GROUP BY "itemId"
     ),
     items AS (SELECT count(*) AS n FROM "ReviewQueueItem" WHERE "queueId" = $1),
     progress AS (
       SELECT json_build_object(
                'items', (SELECT n FROM items)::int,
                'overlap', rq.overlap,
                'started', (SELECT count(*) FROM per_item WHERE submitted > 0)::int,
                'complete', (SELECT count(*) FROM per_item WHERE submitted >= rq.overlap)::int,
                'submitted', (SELECT coalesce(sum(submitted), 0) FROM per_item)::int,
                'target', ((SELECT n FROM items) * rq.overlap)::int,
                'activeLeases', (SELECT coalesce(sum(leased), 0) FROM per_item)::int
              ) AS value
       FROM "ReviewQueue" rq WHERE rq.id = $1
     ),
     raters AS (
       SELECT u.id AS "raterId", u.name, count(*) FILTER (WHERE qa.status = 'SUBMITTED')::int AS submitted
       FROM "User" u
       LEFT JOIN "ReviewQueueMember" m ON m."userId" = u.id AND m."queueId" = $1
       LEFT JOIN qa ON qa."userId" = u.id
       WHERE m."userId" IS NOT NULL OR qa."userId" IS NOT NULL
       GROUP BY u.id, u.name
     ),
     hours AS (
       SELECT to_char(date_trunc('hour', "submittedAt"), 'YYYY-MM-DD"T"HH24:00"Z"') AS hour, count(*)::int AS submitted
       FROM qa WHERE status = 'SUBMITTED' AND "submittedAt" IS NOT NULL
       GROUP BY 1 ORDER BY 1 DESC LIMIT 48
     )
     SELECT (SELECT value FROM progress) AS progress,
            (SELECT json_agg(r ORDER BY r.submitted DESC, r.name) FROM raters r) AS raters,
            (SELECT json_agg(h ORDER BY h.hour) FROM hours h) AS throughput`,
    [queueId],
  );
  const row = rows[0];
  return { progress: row?.progress ?? NO_PROGRESS, raters: row?.raters ?? [], throughput: row?.throughput ?? [] };
}
