import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditWithPg } from "@/lib/audit/audit-repository";
import { invalidField } from "@/lib/errors/domain-error";
import type { ReviewUser } from "../access";
import { withTransaction } from "../db/transaction";
import { invalidateQueueMetrics } from "../metrics/metrics-cache";
import { queueForOverseer } from "../queues/queue-access";
import { isQueueMember, leasedItemsOf, loadMemberCounts, moveLease } from "./progress-repository";

export interface MemberProgress {
  userId: string;
  name: string;
  /** A member of the queue (others, such as a researcher who took items, have no share). */
  member: boolean;
  /** Items submitted. */
  done: number;
  /** Items leased now (unexpired). */
  inHand: number;
  /** Their share not yet submitted (null for non-members). */
  remaining: number | null;
  /** Items per hour over their latest submissions (null with fewer than two). */
  pacePerHour: number | null;
  /** On gold items: how many they submitted and how many matched the known verdict. */
  gold: { n: number; correct: number; agreement: number | null };
}

/**
 * A member's share of the queue: the items × overlap judgements it needs, split evenly among its
 * members (rounded up), and never more than the items (nobody judges an item twice).
 */
export function memberShare(items: number, overlap: number, members: number): number {
  if (members === 0) return 0;
  return Math.min(items, Math.ceil((items * overlap) / members));
}

/** Items per hour from `n` submissions spread over `spanSeconds` (first to last): n − 1 intervals. */
export function pacePerHour(n: number, spanSeconds: number | null): number | null {
  if (n < 2 || spanSeconds === null || spanSeconds <= 0) return null;
  return ((n - 1) * 3600) / spanSeconds;
}

/** Each member's progress on the queue (and anyone else's who took its items), for those who oversee queues. */
export async function queueMemberProgress(user: ReviewUser, queueId: number): Promise<MemberProgress[]> {
  await queueForOverseer(user, queueId);
  const { items, overlap, rows } = await loadMemberCounts(queueId);
  const share = memberShare(items, overlap, rows.filter((row) => row.member).length);
  return rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    member: row.member,
    done: row.done,
    inHand: row.inHand,
    remaining: row.member ? Math.max(0, share - row.done) : null,
    pacePerHour: pacePerHour(row.recentN, row.recentSpanSeconds),
    gold: { n: row.goldN, correct: row.goldCorrect, agreement: row.goldN === 0 ? null : row.goldCorrect / row.goldN },
  }));
}

/** Release someone's leased items to the pool (`toUserId` null), or hand them to another member. */
export const reassignSchema = z
  .object({ fromUserId: z.string().min(1), toUserId: z.string().min(1).nullable() })
  .strict()
  .refine((input) => input.fromUserId !== input.toUserId, { message: "choose someone else to take the items", path: ["toUserId"] });
type ReassignInput = z.infer<typeof reassignSchema>;

/**
 * Takes every item `fromUserId` holds leased in the queue and gives it to `toUserId` (a member),
 * with a fresh lease, or back to the pool when `toUserId` is null or they cannot take it (they
 * held it before, or its slots are full). Like a skip, the first holder is not handed those items
 * again. In one transaction with its `review.assignments.reassign` audit entry (when anything moved).
 */
export async function reassignLeases(
  user: ReviewUser,
  actor: Actor,
  queueId: number,
  input: ReassignInput,
): Promise<{ released: number; reassigned: number }> {
  const result = await withTransaction(async (client) => {
    const queue = await queueForOverseer(user, queueId, client, true);
    if (input.toUserId !== null && !(await isQueueMember(client, queueId, input.toUserId))) {
      throw invalidField("toUserId", "toUserId: the items can go only to a member of this queue");
    }
    const counts = { released: 0, reassigned: 0 };
    for (const itemId of await leasedItemsOf(client, queueId, input.fromUserId)) {
      const outcome = await moveLease(client, {
        itemId,
        fromUserId: input.fromUserId,
        toUserId: input.toUserId,
        overlap: queue.overlap,
        leaseSeconds: queue.leaseSeconds,
      });
      if (outcome !== "gone") counts[outcome] += 1;
    }
    if (counts.released + counts.reassigned > 0) {
      await recordAuditWithPg(client, actor, {
        action: "review.assignments.reassign",
        targetId: queueId,
        details: { fromUserId: input.fromUserId, toUserId: input.toUserId, ...counts },
      });
    }
    return counts;
  });
  invalidateQueueMetrics(queueId);
  return result;
}
