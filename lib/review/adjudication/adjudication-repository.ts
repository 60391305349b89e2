import type pg from "pg";
import { pool } from "@/lib/db/pool";
import type { AuditVerdict } from "../constants";
import { NOW } from "../db/sql-fragments";
import type { HallucinatedSpan } from "../schemas/audit-schemas";

/** One submitted audit of a queue item that two or more people submitted, with the item's adjudication if any. */
export interface RatedAuditRow {
  itemId: number;
  isGold: boolean;
  generationId: number;
  simulated: boolean;
  question: string;
  answer: string;
  raterId: string;
  raterName: string;
  verdict: AuditVerdict | null;
  hallucinatedSpans: unknown;
  labelPresent: boolean | null;
  note: string;
  adjudicatedVerdict: AuditVerdict | null;
  adjudicatedSpans: unknown;
  adjudicationNote: string | null;
  adjudicatorId: string | null;
  adjudicatorName: string | null;
  adjudicatedAt: Date | null;
}

/**
 * The submitted audits of every item of the queue that at least two people submitted (the only
 * items raters can disagree on), in queue order then by rater name.
 */
export async function listMultiplyRatedAudits(queueId: number): Promise<RatedAuditRow[]> {
  const { rows } = await pool().query<RatedAuditRow>(
    `WITH rated AS (
       SELECT i.id, i.position, i."isGold", i."generationId"
       FROM "ReviewQueueItem" i
       WHERE i."queueId" = $1
         AND (SELECT count(*) FROM "ReviewAssignment" a WHERE a."itemId" = i.id AND a.status = 'SUBMITTED') >= 2
     )
     SELECT r.id AS "itemId", r."isGold", g.id AS "generationId", g.simulated, q.text AS question, g.text AS answer,
            u.id AS "raterId", u.name AS "raterName", au.verdict, au."hallucinatedSpans", au."labelPresent", au.note,
            adj.verdict AS "adjudicatedVerdict", adj."hallucinatedSpans" AS "adjudicatedSpans", adj.note AS "adjudicationNote",
            adj."userId" AS "adjudicatorId", adjuser.name AS "adjudicatorName", adj."updatedAt" AS "adjudicatedAt"
     FROM rated r
     JOIN "ReviewAssignment" a ON a."itemId" = r.id AND a.status = 'SUBMITTED'
     JOIN "Audit" au ON au."generationId" = r."generationId" AND au."userId" = a."userId"
     JOIN "User" u ON u.id = au."userId"
     JOIN "Generation" g ON g.id = r."generationId"
     JOIN "Question" q ON q.id = g."questionId"
     LEFT JOIN "Adjudication" adj ON adj."generationId" = r."generationId"
     LEFT JOIN "User" adjuser ON adjuser.id = adj."userId"
     ORDER BY r.position, r.id, u.name, u.id`,
    [queueId],
  );
  return rows;
}

interface ItemToAdjudicate {
  generationId: number;
  answer: string;
  submitted: number;
  previousVerdict: AuditVerdict | null;
}

/** The queue item (locked) with its answer, how many submitted it, and the verdict adjudicated before (if any); null if not in the queue. */
export async function lockItemToAdjudicate(client: pg.PoolClient, queueId: number, itemId: number): Promise<ItemToAdjudicate | null> {
  const { rows } = await client.query<ItemToAdjudicate>(
    `SELECT i."generationId", g.text AS answer,
            (SELECT count(*) FROM "ReviewAssignment" a WHERE a."itemId" = i.id AND a.status = 'SUBMITTED')::int AS submitted,
            (SELECT adj.verdict FROM "Adjudication" adj WHERE adj."generationId" = i."generationId") AS "previousVerdict"
     FROM "ReviewQueueItem" i JOIN "Generation" g ON g.id = i."generationId"
     WHERE i.id = $1 AND i."queueId" = $2
     FOR UPDATE OF i`,
    [itemId, queueId],
  );
  return rows[0] ?? null;
}

/** Records (or replaces) the generation's adjudication; one per generation. */
export async function upsertAdjudication(
  client: pg.PoolClient,
  adjudication: { generationId: number; userId: string; verdict: AuditVerdict; spans: HallucinatedSpan[]; note: string },
): Promise<{ updatedAt: Date }> {
  const { rows } = await client.query<{ updatedAt: Date }>(
    `INSERT INTO "Adjudication" ("generationId", "userId", verdict, "hallucinatedSpans", note, "createdAt", "updatedAt")
     VALUES ($1, $2, $3::"AuditVerdict", $4::jsonb, $5, ${NOW}, ${NOW})
     ON CONFLICT ("generationId") DO UPDATE
       SET "userId" = EXCLUDED."userId", verdict = EXCLUDED.verdict, "hallucinatedSpans" = EXCLUDED."hallucinatedSpans",
           note = EXCLUDED.note, "updatedAt" = EXCLUDED."updatedAt"
     RETURNING "updatedAt"`,
    [adjudication.generationId, adjudication.userId, adjudication.verdict, JSON.stringify(adjudication.spans), adjudication.note],
  );
  return rows[0]!;
}

/** A queue whose items go to more than one person, with how many were rated twice or more and how many adjudicated. */
export interface QueueToAdjudicate {
  id: number;
  name: string;
  status: "OPEN" | "CLOSED";
  overlap: number;
  runName: string | null;
  cycleIndex: number | null;
  multiplyRated: number;
  adjudicated: number;
}

/** Queues with overlap (the only ones raters can disagree in), newest first. */
export async function listOverlapQueues(limit: number): Promise<QueueToAdjudicate[]> {
  const { rows } = await pool().query<QueueToAdjudicate>(
    `SELECT q.id, q.name, q.status, q.overlap, r.name AS "runName", c.index AS "cycleIndex",
            (SELECT count(*) FROM "ReviewQueueItem" i
              WHERE i."queueId" = q.id
                AND (SELECT count(*) FROM "ReviewAssignment" a WHERE a."itemId" = i.id AND a.status = 'SUBMITTED') >= 2)::int
              AS "multiplyRated",
            (SELECT count(*) FROM "ReviewQueueItem" i JOIN "Adjudication" adj ON adj."generationId" = i."generationId"
              WHERE i."queueId" = q.id)::int AS adjudicated
     FROM "ReviewQueue" q
     LEFT JOIN "Cycle" c ON c.id = q."cycleId"
     LEFT JOIN "Run" r ON r.id = c."runId"
     WHERE q.overlap > 1
     ORDER BY q.id DESC
     LIMIT $1`,
    [limit],
  );
  return rows;
}
