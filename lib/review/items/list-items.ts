import { NOW } from "../db/sql-fragments";
import { z } from "zod";
import { pool } from "@/lib/db/pool";
import type { AuditVerdict, GenerationMode } from "../constants";
import { decodeCursor, toPage, type Page } from "../schemas/cursor";

export interface QueueItemRow {
  id: number;
  position: number;
  /** Its number among the queue's items of its kind (sampled or gold), each counted from 1. */
  number: number;
  stratum: string | null;
  isGold: boolean;
  generationId: number;
  mode: GenerationMode;
  questionText: string;
  datasetName: string;
  passed: boolean | null;
  submitted: number;
  activeLeases: number;
  verdicts: AuditVerdict[];
}

const cursorSchema = z.tuple([z.number().int(), z.number().int()]);

/**
 * A queue's items in queue order with their progress, one keyset page at a time (for researchers).
 * Gold items share positions with sampled ones, so each kind is numbered on its own.
 */
export async function listQueueItems(queueId: number, options: { cursor?: string; limit: number }): Promise<Page<QueueItemRow>> {
  const after = decodeCursor(options.cursor, cursorSchema);
  const { rows } = await pool().query<QueueItemRow>(
    // The page first (index order, LIMIT), then the numbers: the items of each kind before the
    // page (one count), plus each row's place among the page's items of its kind.
    `WITH page AS (
       SELECT i.id, i.position, i.stratum, i."isGold", g.id AS "generationId", g.mode, q.text AS "questionText", d.name AS "datasetName",
              (SELECT v.passed FROM "Verdict" v WHERE v."generationId" = g.id ORDER BY v.id DESC LIMIT 1) AS passed,
              s.submitted, s.leased AS "activeLeases", s.verdicts
       FROM "ReviewQueueItem" i
       JOIN "Generation" g ON g.id = i."generationId"
       JOIN "Question" q ON q.id = g."questionId"
       JOIN "Dataset" d ON d.id = q."datasetId"
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE a.status = 'SUBMITTED')::int AS submitted,
                count(*) FILTER (WHERE a.status = 'LEASED' AND a."leaseExpiresAt" > ${NOW})::int AS leased,
                coalesce(array_agg(au.verdict::text ORDER BY au."submittedAt") FILTER (WHERE a.status = 'SUBMITTED' AND au.verdict IS NOT NULL), '{}') AS verdicts
         FROM "ReviewAssignment" a
         LEFT JOIN "Audit" au ON au."generationId" = i."generationId" AND au."userId" = a."userId"
         WHERE a."itemId" = i.id
       ) s ON true
       WHERE i."queueId" = $1 AND ($2::int IS NULL OR (i.position, i.id) > ($2, $3))
       ORDER BY i.position, i.id
       LIMIT $4
     ),
     before AS (
       SELECT count(*) FILTER (WHERE NOT "isGold")::int AS sampled, count(*) FILTER (WHERE "isGold")::int AS gold
       FROM "ReviewQueueItem" WHERE "queueId" = $1 AND $2::int IS NOT NULL AND (position, id) <= ($2, $3)
     )
     SELECT page.*,
            (CASE WHEN page."isGold" THEN before.gold ELSE before.sampled END
             + row_number() OVER (PARTITION BY page."isGold" ORDER BY page.position, page.id))::int AS number
     FROM page CROSS JOIN before
     ORDER BY page.position, page.id`,
    [queueId, after?.[0] ?? null, after?.[1] ?? null, options.limit + 1],
  );
  return toPage(rows, options.limit, (row) => [row.position, row.id]);
}
