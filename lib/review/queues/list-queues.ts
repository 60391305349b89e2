import { NOW } from "../db/sql-fragments";
import { z } from "zod";
import { pool } from "@/lib/db/pool";
import { canManageQueues, type ReviewUser } from "../access";
import { decodeCursor, toPage, type Page } from "../schemas/cursor";

export interface QueueSummary {
  id: number;
  name: string;
  status: "OPEN" | "CLOSED";
  sampling: string;
  size: number;
  overlap: number;
  blind: boolean;
  cycleId: number | null;
  cycleIndex: number | null;
  runName: string | null;
  createdAt: Date;
  /** Submitted assignments in the queue, of size × overlap (null for annotators: others' progress is not theirs to see). */
  submitted: number | null;
  mySubmitted: number;
  myLeased: number;
}

const cursorSchema = z.tuple([z.number().int()]);

/** Queues this user may see, newest first, one keyset page at a time. */
export async function listQueues(user: ReviewUser, options: { cursor?: string; limit: number }): Promise<Page<QueueSummary>> {
  const after = decodeCursor(options.cursor, cursorSchema);
  const { rows } = await pool().query<QueueSummary>(
    `SELECT rq.id, rq.name, rq.status, rq.sampling, rq.size, rq.overlap, rq.blind, rq."cycleId", rq."createdAt",
            c.index AS "cycleIndex", r.name AS "runName",
            CASE WHEN $2 THEN coalesce(s.submitted, 0)::int END AS submitted, coalesce(s.mine, 0)::int AS "mySubmitted", coalesce(s.leased, 0)::int AS "myLeased"
     FROM "ReviewQueue" rq
     LEFT JOIN "Cycle" c ON c.id = rq."cycleId"
     LEFT JOIN "Run" r ON r.id = c."runId"
     LEFT JOIN LATERAL (
       SELECT count(*) FILTER (WHERE a.status = 'SUBMITTED') AS submitted,
              count(*) FILTER (WHERE a.status = 'SUBMITTED' AND a."userId" = $1) AS mine,
              count(*) FILTER (WHERE a.status = 'LEASED' AND a."userId" = $1 AND a."leaseExpiresAt" > ${NOW}) AS leased
       FROM "ReviewQueueItem" i JOIN "ReviewAssignment" a ON a."itemId" = i.id
       WHERE i."queueId" = rq.id
     ) s ON true
     WHERE ($2 OR EXISTS (SELECT 1 FROM "ReviewQueueMember" m WHERE m."queueId" = rq.id AND m."userId" = $1))
       AND ($3::int IS NULL OR rq.id < $3)
     ORDER BY rq.id DESC
     LIMIT $4`,
    [user.id, canManageQueues(user), after?.[0] ?? null, options.limit + 1],
  );
  return toPage(rows, options.limit, (row) => [row.id]);
}
