import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { forbidden } from "@/lib/errors/domain-error";
import { canManageQueues, canOverseeQueues, type ReviewUser } from "../access";
import { queueNotFound } from "../errors";

export interface QueueSettings {
  id: number;
  name: string;
  status: "OPEN" | "CLOSED";
  blind: boolean;
  overlap: number;
  leaseSeconds: number;
  cycleId: number | null;
}

type Queryable = Pick<pg.PoolClient, "query">;

/**
 * The queue if this user may work on it (a member, or an admin or researcher); otherwise a
 * not-found DomainError. `lock` takes a share lock so the queue cannot be deleted under a claim.
 */
export async function queueForUser(user: ReviewUser, queueId: number, db: Queryable = pool(), lock = false): Promise<QueueSettings> {
  const { rows } = await db.query<QueueSettings & { isMember: boolean }>(
    `SELECT q.id, q.name, q.status, q.blind, q.overlap, q."leaseSeconds", q."cycleId",
            EXISTS (SELECT 1 FROM "ReviewQueueMember" m WHERE m."queueId" = q.id AND m."userId" = $2) AS "isMember"
     FROM "ReviewQueue" q WHERE q.id = $1 ${lock ? "FOR SHARE" : ""}`,
    [queueId, user.id],
  );
  const row = rows[0];
  if (!row) throw queueNotFound(queueId);
  // Not a member: the queue is not theirs to see, so it does not exist for them (and its existence is not revealed).
  if (!row.isMember && !canManageQueues(user)) throw queueNotFound(queueId);
  const { isMember: _member, ...queue } = row;
  return queue;
}

/**
 * The queue for someone who oversees queues (admin, researcher, PI: lib/review/access), whether or
 * not they are a member; forbidden for anyone else, not-found when there is no such queue.
 */
export async function queueForOverseer(user: ReviewUser, queueId: number, db: Queryable = pool(), lock = false): Promise<QueueSettings> {
  if (!canOverseeQueues(user)) throw forbidden(`The ${user.role.toLowerCase()} role may not oversee review queues`);
  const { rows } = await db.query<QueueSettings>(
    `SELECT q.id, q.name, q.status, q.blind, q.overlap, q."leaseSeconds", q."cycleId" FROM "ReviewQueue" q WHERE q.id = $1 ${lock ? "FOR SHARE" : ""}`,
    [queueId],
  );
  const queue = rows[0];
  if (!queue) throw queueNotFound(queueId);
  return queue;
}
