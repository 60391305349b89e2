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
    `WITH numbered AS (
       SELECT id, row_number() OVER (PARTITION BY "isGold" ORDER BY position, id)::int AS number
       FROM "ReviewQueueItem" WHERE "queueId" = $1
     )
     SELECT i.id, i.position, nb.number, i.stratum, i."isGold", g.id AS "generationId", g.mode, q.text AS "questionText", d.name AS "datasetName",
            (SELECT v.passed FROM "Verdict" v WHERE v."generationId" = g.id ORDER BY v.id DESC LIMIT 1) AS passed,
            s.submitted, s.leased AS "activeLeases", s.verdicts
     FROM "ReviewQueueItem" i
     JOIN numbered nb ON nb.id = i.id
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
     LIMIT $4`,
    [queueId, after?.[0] ?? null, after?.[1] ?? null, options.limit + 1],
  );
  return toPage(rows, options.limit, (row) => [row.position, row.id]);
}
