import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { pool } from "@/lib/db/pool";
import type { ReviewUser } from "../access";
import { ACTIVE_ASSIGNMENT, NOW } from "../db/sql-fragments";
import { withTransaction } from "../db/transaction";
import { conflict } from "@/lib/errors/domain-error";
import { queueForUser, type QueueSettings } from "../queues/queue-access";

export interface Claim {
  itemId: number;
  assignmentId: number;
  leaseExpiresAt: Date;
  /** True when this was the user's own lease, handed back (and renewed) rather than a new item. */
  resumed: boolean;
}

/** How many of a person's latest assignments set their frontier (older ones: the full scan finds what is left). */
const FRONTIER_WINDOW = 500;

/** Candidates checked per claim before giving up on a queue whose free items are all being taken. */
const MAX_ATTEMPTS = 25;

/**
 * Hands this user the next item of the queue, or null when none is left for them.
 *
 * A user holds at most one lease per queue: if they have one (even expired, as long as nobody
 * has filled its slots since), it is renewed and handed back. Otherwise an item the user has
 * never held and that has fewer than `overlap` active assignments (returned slots first, then in
 * queue order: see CANDIDATE_SOURCES) is locked with FOR UPDATE SKIP LOCKED — concurrent claimers skip each other's rows instead of
 * waiting — and leased. Every path that adds an active assignment locks the item row first and
 * recounts in a fresh statement, so an item never holds more than `overlap` active assignments
 * and never two of the same person (also a unique key). One person's concurrent claims on a
 * queue are serialized by a transaction-scoped advisory lock on (queue, person).
 */
export async function claimNextItem(user: ReviewUser, queueId: number): Promise<Claim | null> {
  for (let round = 1; ; round += 1) {
    const { claim, queue } = await withTransaction(async (client) => {
      const queue = await queueForUser(user, queueId, client, true);
      if (queue.status === "CLOSED") throw conflict(`Review queue ${queueId} is closed`);
      // One person's claims on a queue run one at a time (two tabs, a double key press): the second
      // then finds the first one's lease and gets the same item, instead of racing it.
      await client.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [queue.id, user.id]);
      return { claim: (await resumeOwnLease(client, user.id, queue)) ?? (await leaseNewItem(client, user.id, queue)), queue };
    });
    // SKIP LOCKED passes over items other claimers hold locked at that instant; if one of them
    // still has a free slot once they commit, "nothing left" would be wrong. Ask again shortly.
    if (claim !== null || round === MAX_ROUNDS || !(await hasFreeSlotFor(user.id, queue))) return claim;
    await sleep(ROUND_PAUSE_MS * round);
  }
}

/** Claims tried before "nothing left" is believed while other claimers hold items locked. */
const MAX_ROUNDS = 20;
const ROUND_PAUSE_MS = 5;

/** Whether any item of the queue, locked or not, still has a slot this user could take (committed rows only). */
async function hasFreeSlotFor(userId: string, queue: QueueSettings): Promise<boolean> {
  const { rows } = await pool().query<{ free: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM "ReviewQueueItem" i
       WHERE i."queueId" = $1
         AND NOT EXISTS (SELECT 1 FROM "ReviewAssignment" mine WHERE mine."itemId" = i.id AND mine."userId" = $2)
         AND (SELECT count(*) FROM "ReviewAssignment" a WHERE a."itemId" = i.id AND ${ACTIVE_ASSIGNMENT}) < $3
     ) AS free`,
    [queue.id, userId, queue.overlap],
  );
  return rows[0]?.free ?? false;
}

async function resumeOwnLease(client: pg.PoolClient, userId: string, queue: QueueSettings): Promise<Claim | null> {
  const { rows } = await client.query<{ id: number; itemId: number }>(
    `SELECT a.id, a."itemId" FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
     WHERE a."userId" = $1 AND i."queueId" = $2 AND a.status = 'LEASED'
     ORDER BY a."claimedAt", a.id`,
    [userId, queue.id],
  );
  for (const lease of rows) {
    await lockItem(client, lease.itemId);
    if ((await activeHoldersOtherThan(client, lease.itemId, userId)) < queue.overlap) {
      const leaseExpiresAt = await renewLease(client, lease.id, queue.leaseSeconds);
      return { itemId: lease.itemId, assignmentId: lease.id, leaseExpiresAt, resumed: true };
    }
    // Abandoned too long: the item went to others meanwhile. The lease is given up for good.
    await client.query(`UPDATE "ReviewAssignment" SET status = 'RELEASED', "updatedAt" = ${NOW} WHERE id = $1`, [lease.id]);
  }
  return null;
}

/**
 * Where to look for a free slot, cheapest first. Scanning the queue from the start probes every
 * item already full (slow once a queue is well under way), so it is only the last resort:
 * 1. returned slots — items someone released or abandoned (an expired lease): they come back first;
 * 2. from this person's frontier — the furthest position among their latest assignments — on: in queue order,
 *    everything behind it they either took, skipped, or found full;
 * 3. the whole queue from the start, which finds anything the first two missed (an item skipped
 *    while another claimer held its lock) — so "nothing left" is only ever said when it is true.
 */
const CANDIDATE_SOURCES = [
  {
    name: "returned",
    from: `"ReviewAssignment" r JOIN "ReviewQueueItem" i ON i.id = r."itemId"`,
    where: `(r.status = 'RELEASED' OR (r.status = 'LEASED' AND r."leaseExpiresAt" <= ${NOW})) AND r."userId" <> $2`,
  },
  {
    name: "frontier",
    from: `"ReviewQueueItem" i`,
    // From this person's latest assignments (any queue), one primary-key lookup each: bounded work.
    where: `i.position >= coalesce((
      SELECT max((SELECT fi.position FROM "ReviewQueueItem" fi WHERE fi.id = fa."itemId" AND fi."queueId" = $1))
      FROM (SELECT "itemId" FROM "ReviewAssignment" WHERE "userId" = $2 ORDER BY id DESC LIMIT ${FRONTIER_WINDOW}) fa), 0)`,
  },
  { name: "all", from: `"ReviewQueueItem" i`, where: "true" },
] as const;

async function leaseNewItem(client: pg.PoolClient, userId: string, queue: QueueSettings): Promise<Claim | null> {
  const passedOver: number[] = [];
  let attempts = 0;
  for (const source of CANDIDATE_SOURCES) {
    while (attempts < MAX_ATTEMPTS) {
      attempts += 1;
      const { rows } = await client.query<{ id: number }>(
        `SELECT i.id FROM ${source.from}
         WHERE i."queueId" = $1 AND ${source.where}
           AND NOT (i.id = ANY($4::int[]))
           AND NOT EXISTS (SELECT 1 FROM "ReviewAssignment" mine WHERE mine."itemId" = i.id AND mine."userId" = $2)
           AND (SELECT count(*) FROM "ReviewAssignment" a WHERE a."itemId" = i.id AND ${ACTIVE_ASSIGNMENT}) < $3
         ORDER BY i.position, i.id
         LIMIT 1
         FOR UPDATE OF i SKIP LOCKED`,
        [queue.id, userId, queue.overlap, passedOver],
      );
      const candidate = rows[0];
      if (!candidate) break;
      // The scan's snapshot may predate a claim committed just before we got the lock: recount.
      if ((await activeHoldersOtherThan(client, candidate.id, userId)) >= queue.overlap) {
        passedOver.push(candidate.id);
        continue;
      }
      const { rows: inserted } = await client.query<{ id: number; leaseExpiresAt: Date }>(
        `INSERT INTO "ReviewAssignment" ("itemId", "userId", status, "leaseExpiresAt", "claimedAt", "updatedAt")
         VALUES ($1, $2, 'LEASED', ${NOW} + make_interval(secs => $3), ${NOW}, ${NOW})
         RETURNING id, "leaseExpiresAt"`,
        [candidate.id, userId, queue.leaseSeconds],
      );
      const assignment = inserted[0]!;
      return { itemId: candidate.id, assignmentId: assignment.id, leaseExpiresAt: assignment.leaseExpiresAt, resumed: false };
    }
  }
  return null;
}

async function lockItem(client: pg.PoolClient, itemId: number): Promise<void> {
  await client.query(`SELECT 1 FROM "ReviewQueueItem" WHERE id = $1 FOR UPDATE`, [itemId]);
}

export async function activeHoldersOtherThan(client: pg.PoolClient, itemId: number, userId: string): Promise<number> {
  const { rows } = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "ReviewAssignment" a WHERE a."itemId" = $1 AND a."userId" <> $2 AND ${ACTIVE_ASSIGNMENT}`,
    [itemId, userId],
  );
  return rows[0]?.count ?? 0;
}

async function renewLease(client: pg.PoolClient, assignmentId: number, leaseSeconds: number): Promise<Date> {
  const { rows } = await client.query<{ leaseExpiresAt: Date }>(
    `UPDATE "ReviewAssignment" SET "leaseExpiresAt" = ${NOW} + make_interval(secs => $2), "updatedAt" = ${NOW}
     WHERE id = $1 RETURNING "leaseExpiresAt"`,
    [assignmentId, leaseSeconds],
  );
  return rows[0]!.leaseExpiresAt;
}
