import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { ACTIVE_ASSIGNMENT, NOW } from "../db/sql-fragments";

export interface MemberCountsRow {
  userId: string;
  name: string;
  member: boolean;
  done: number;
  inHand: number;
  goldN: number;
  goldCorrect: number;
  /** Their latest submissions (at most RECENT_SUBMISSIONS): how many, and the seconds from the first to the last. */
  recentN: number;
  recentSpanSeconds: number | null;
}

/** Submissions a person's pace is measured over: their latest ones. */
const RECENT_SUBMISSIONS = 20;

/**
 * Per person — the queue's members and anyone else who took one of its items — their submitted
 * items, unexpired leases, gold items judged and matched, and their latest submissions' times.
 */
export async function loadMemberCounts(queueId: number): Promise<{ items: number; overlap: number; rows: MemberCountsRow[] }> {
  const [{ rows: queue }, { rows }] = await Promise.all([
    pool().query<{ items: number; overlap: number }>(
      `SELECT (SELECT count(*) FROM "ReviewQueueItem" WHERE "queueId" = q.id)::int AS items, q.overlap FROM "ReviewQueue" q WHERE q.id = $1`,
      [queueId],
    ),
    pool().query<MemberCountsRow>(
      `WITH mine AS (
         SELECT a."userId", a.status, a."leaseExpiresAt", a."submittedAt", i."isGold", i."goldAnswer", au.verdict,
                row_number() OVER (PARTITION BY a."userId", a.status = 'SUBMITTED' ORDER BY a."submittedAt" DESC NULLS LAST, a.id DESC) AS recency
         FROM "ReviewAssignment" a
         JOIN "ReviewQueueItem" i ON i.id = a."itemId"
         LEFT JOIN "Audit" au ON au."generationId" = i."generationId" AND au."userId" = a."userId"
         WHERE i."queueId" = $1
       ),
       people AS (
         SELECT "userId" FROM "ReviewQueueMember" WHERE "queueId" = $1
         UNION
         SELECT "userId" FROM mine
       )
       SELECT u.id AS "userId", u.name,
              EXISTS (SELECT 1 FROM "ReviewQueueMember" m WHERE m."queueId" = $1 AND m."userId" = u.id) AS member,
              count(mine.status) FILTER (WHERE mine.status = 'SUBMITTED')::int AS done,
              count(mine.status) FILTER (WHERE mine.status = 'LEASED' AND mine."leaseExpiresAt" > ${NOW})::int AS "inHand",
              count(mine.status) FILTER (WHERE mine.status = 'SUBMITTED' AND mine."isGold" AND mine."goldAnswer" ? 'verdict')::int AS "goldN",
              count(mine.status) FILTER (WHERE mine.status = 'SUBMITTED' AND mine."isGold"
                                         AND mine.verdict::text = mine."goldAnswer"->>'verdict')::int AS "goldCorrect",
              count(mine.status) FILTER (WHERE mine.status = 'SUBMITTED' AND mine."submittedAt" IS NOT NULL
                                         AND mine.recency <= ${RECENT_SUBMISSIONS})::int AS "recentN",
              extract(epoch FROM max(mine."submittedAt") FILTER (WHERE mine.status = 'SUBMITTED' AND mine.recency <= ${RECENT_SUBMISSIONS})
                               - min(mine."submittedAt") FILTER (WHERE mine.status = 'SUBMITTED' AND mine.recency <= ${RECENT_SUBMISSIONS}))::float8
                AS "recentSpanSeconds"
       FROM people p
       JOIN "User" u ON u.id = p."userId"
       LEFT JOIN mine ON mine."userId" = u.id
       GROUP BY u.id, u.name
       ORDER BY u.name, u.id`,
      [queueId],
    ),
  ]);
  return { items: queue[0]?.items ?? 0, overlap: queue[0]?.overlap ?? 1, rows };
}

/** A person's leases in the queue (unexpired or not), oldest first: the items a release or reassignment moves. */
export async function leasedItemsOf(client: pg.PoolClient, queueId: number, userId: string): Promise<number[]> {
  const { rows } = await client.query<{ itemId: number }>(
    `SELECT a."itemId" FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
     WHERE i."queueId" = $1 AND a."userId" = $2 AND a.status = 'LEASED'
     ORDER BY a."claimedAt", a.id`,
    [queueId, userId],
  );
  return rows.map((row) => row.itemId);
}

export async function isQueueMember(client: pg.PoolClient, queueId: number, userId: string): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM "ReviewQueueMember" WHERE "queueId" = $1 AND "userId" = $2`, [queueId, userId]);
  return rows.length > 0;
}

/**
 * Moves one leased item from one person to another (or, with `toUserId` null or when the other
 * cannot take it, back to the pool). The item row is locked first, as claims do. Returns what
 * happened: "reassigned", "released", or "gone" when the lease was no longer there.
 */
export async function moveLease(
  client: pg.PoolClient,
  input: { itemId: number; fromUserId: string; toUserId: string | null; overlap: number; leaseSeconds: number },
): Promise<"reassigned" | "released" | "gone"> {
  await client.query(`SELECT 1 FROM "ReviewQueueItem" WHERE id = $1 FOR UPDATE`, [input.itemId]);
  const { rowCount } = await client.query(
    `UPDATE "ReviewAssignment" SET status = 'RELEASED', "updatedAt" = ${NOW} WHERE "itemId" = $1 AND "userId" = $2 AND status = 'LEASED'`,
    [input.itemId, input.fromUserId],
  );
  if (!rowCount) return "gone";
  if (input.toUserId === null) return "released";
  // The other person takes the slot only if they never held the item and a slot is free.
  const { rows } = await client.query<{ inserted: boolean }>(
    `INSERT INTO "ReviewAssignment" ("itemId", "userId", status, "leaseExpiresAt", "claimedAt", "updatedAt")
     SELECT $1, $2, 'LEASED', ${NOW} + make_interval(secs => $4), ${NOW}, ${NOW}
     WHERE NOT EXISTS (SELECT 1 FROM "ReviewAssignment" WHERE "itemId" = $1 AND "userId" = $2)
       AND (SELECT count(*) FROM "ReviewAssignment" a WHERE a."itemId" = $1 AND ${ACTIVE_ASSIGNMENT}) < $3
     RETURNING true AS inserted`,
    [input.itemId, input.toUserId, input.overlap, input.leaseSeconds],
  );
  return rows.length > 0 ? "reassigned" : "released";
}
