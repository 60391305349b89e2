import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { prisma } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import { decodeCursor, toPage } from "../schemas/cursor";
import { canManageQueues, type ReviewUser } from "../access";
import { queueNotFound } from "../errors";
import { queueForUser } from "./queue-access";

/**
 * A queue's settings for someone who may work on it (else not-found). Its members, with their
 * e-mail addresses, are for those who manage queues: an annotator gets `members: null`.
 */
export async function queueDetail(user: ReviewUser, queueId: number) {
  await queueForUser(user, queueId);
  const queue = await prisma().reviewQueue.findUnique({
    where: { id: queueId },
    select: {
      id: true,
      name: true,
      status: true,
      sampling: true,
      size: true,
      overlap: true,
      blind: true,
      leaseSeconds: true,
      seed: true,
      cycleId: true,
      createdAt: true,
      cycle: { select: { index: true, run: { select: { id: true, name: true } } } },
      createdBy: { select: { name: true } },
      members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!queue) throw queueNotFound(queueId);
  return { ...queue, members: canManageQueues(user) ? queue.members.map((member) => member.user) : null };
}

/**
 * Deletes the queue, its items and assignments, recording `review.queue.delete`; annotators' audits
 * stay (they belong to generations and people).
 */
export async function deleteQueue(queueId: number, actor: Actor): Promise<void> {
  await inTransaction(async (tx) => {
    const deleted = await tx.reviewQueue.deleteMany({ where: { id: queueId } });
    if (deleted.count === 0) throw queueNotFound(queueId);
    await recordAudit(tx, actor, { action: "review.queue.delete", targetId: queueId, details: {} });
  });
}

/** People who can be made members: active users whose role may review. */
export async function listAssignableUsers() {
  return prisma().user.findMany({
    where: { active: true, role: { in: ["ANNOTATOR", "RESEARCHER", "ADMIN"] } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    take: 500,
    select: { id: true, name: true, email: true, role: true },
  });
}

/** Cycles to build a queue from, newest first, keyset-paged by id. */
export async function listCycles(options: { cursor?: string; limit: number }) {
  const after = decodeCursor(options.cursor, z.tuple([z.number().int()]));
  const rows = await prisma().cycle.findMany({
    where: after === null ? {} : { id: { lt: after[0] } },
    orderBy: { id: "desc" },
    take: options.limit + 1,
    select: { id: true, index: true, status: true, isFinal: true, createdAt: true, run: { select: { id: true, name: true } } },
  });
  return toPage(rows, options.limit, (row) => [row.id]);
}
