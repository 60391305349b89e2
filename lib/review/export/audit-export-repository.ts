import { pool } from "@/lib/db/pool";

export interface AuditExportRow {
  auditId: number;
  generationId: number;
  simulated: boolean;
  question: string;
  answer: string;
  verdict: string | null;
  hallucinatedSpans: unknown;
  labelPresent: boolean | null;
  note: string;
  raterId: string;
  raterName: string;
  raterEmail: string;
  updatedAt: Date;
  submittedAt: Date | null;
  adjudicatedVerdict: string | null;
  adjudicationNote: string | null;
  adjudicatorId: string | null;
  adjudicatorName: string | null;
  adjudicatorEmail: string | null;
  adjudicatedAt: Date | null;
}

/**
 * Every audit made in the queue: one row per person handed an item (by their assignment) who has
 * saved an audit of its generation, submitted or not, with the generation's adjudication if any;
 * in queue order, then by rater.
 */
export async function listQueueAudits(queueId: number): Promise<AuditExportRow[]> {
  const { rows } = await pool().query<AuditExportRow>(
    `SELECT au.id AS "auditId", g.id AS "generationId", g.simulated, q.text AS question, g.text AS answer,
            au.verdict, au."hallucinatedSpans", au."labelPresent", au.note,
            u.id AS "raterId", u.name AS "raterName", u.email AS "raterEmail", au."updatedAt", au."submittedAt",
            adj.verdict AS "adjudicatedVerdict", adj.note AS "adjudicationNote", adj."userId" AS "adjudicatorId",
            adju.name AS "adjudicatorName", adju.email AS "adjudicatorEmail", adj."updatedAt" AS "adjudicatedAt"
     FROM "ReviewQueueItem" i
     JOIN "ReviewAssignment" a ON a."itemId" = i.id
     JOIN "Audit" au ON au."generationId" = i."generationId" AND au."userId" = a."userId"
     JOIN "Generation" g ON g.id = i."generationId"
     JOIN "Question" q ON q.id = g."questionId"
     JOIN "User" u ON u.id = au."userId"
     LEFT JOIN "Adjudication" adj ON adj."generationId" = i."generationId"
     LEFT JOIN "User" adju ON adju.id = adj."userId"
     WHERE i."queueId" = $1
     ORDER BY i.position, i.id, u.id`,
    [queueId],
  );
  return rows;
}
