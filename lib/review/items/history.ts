import { z } from "zod";
import { pool } from "@/lib/db/pool";
import type { AuditVerdict } from "../constants";
import { decodeCursor, toPage, type Page } from "../schemas/cursor";

export interface HistoryRow {
  itemId: number;
  assignmentId: number;
  status: "LEASED" | "SUBMITTED" | "RELEASED";
  claimedAt: Date;
  submittedAt: Date | null;
  verdict: AuditVerdict | null;
  questionText: string;
}

const cursorSchema = z.tuple([z.number().int()]);

/** The items this user took in a queue, most recently taken first (assignment ids grow with time), keyset-paged. */
export async function listMyHistory(
  userId: string,
  queueId: number,
  options: { cursor?: string; limit: number },
): Promise<Page<HistoryRow>> {
  const after = decodeCursor(options.cursor, cursorSchema);
  const { rows } = await pool().query<HistoryRow>(
    `SELECT a."itemId", a.id AS "assignmentId", a.status, a."claimedAt", a."submittedAt", au.verdict, q.text AS "questionText"
     FROM "ReviewAssignment" a
     JOIN "ReviewQueueItem" i ON i.id = a."itemId"
     JOIN "Generation" g ON g.id = i."generationId"
     JOIN "Question" q ON q.id = g."questionId"
     LEFT JOIN "Audit" au ON au."generationId" = g.id AND au."userId" = a."userId"
     WHERE a."userId" = $1 AND i."queueId" = $2
       AND ($3::int IS NULL OR a.id < $3)
     ORDER BY a.id DESC
     LIMIT $4`,
    [userId, queueId, after?.[0] ?? null, options.limit + 1],
  );
  return toPage(rows, options.limit, (row) => [row.assignmentId]);
}
