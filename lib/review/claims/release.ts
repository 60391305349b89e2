import { NOW } from "../db/sql-fragments";
import type { ReviewUser } from "../access";
import { withTransaction } from "../db/transaction";
import { conflict, DomainError } from "@/lib/errors/domain-error";
import { invalidateQueueMetrics } from "../metrics/metrics-cache";
import { queueForUser } from "../queues/queue-access";

/**
 * Gives a leased item back ("skip"): its slot returns to the pool for others. The same person is
 * never handed that item again (one assignment per person and item), so a skip is final.
 */
export async function releaseItem(user: ReviewUser, queueId: number, itemId: number): Promise<void> {
  await withTransaction(async (client) => {
    await queueForUser(user, queueId, client);
    const { rows } = await client.query<{ id: number; status: string }>(
      `SELECT a.id, a.status FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
       WHERE a."itemId" = $1 AND a."userId" = $2 AND i."queueId" = $3 FOR UPDATE OF a`,
      [itemId, user.id, queueId],
    );
    const assignment = rows[0];
    if (!assignment) throw new DomainError("not-found", `You hold no assignment on item ${itemId} of queue ${queueId}`);
    if (assignment.status === "SUBMITTED") throw conflict(`Item ${itemId} is already submitted; it cannot be released`);
    if (assignment.status === "RELEASED") return;
    await client.query(`UPDATE "ReviewAssignment" SET status = 'RELEASED', "updatedAt" = ${NOW} WHERE id = $1`, [assignment.id]);
  });
  invalidateQueueMetrics(queueId);
}
