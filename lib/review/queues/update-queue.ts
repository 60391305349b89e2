import type { Actor } from "@/lib/audit/actor";
import { recordAuditWithPg } from "@/lib/audit/audit-repository";
import { withTransaction } from "../db/transaction";
import { NOW } from "../db/sql-fragments";
import { queueNotFound } from "../errors";
import type { UpdateQueue } from "../schemas/queue-schemas";
import { addMembers, requireActiveUsers } from "./create-queue";

/**
 * Renames, opens or closes a queue, changes blind mode or the lease, adds or removes members — in
 * one transaction with its `review.queue.update` audit entry.
 */
export async function updateQueue(queueId: number, change: UpdateQueue, actor: Actor): Promise<void> {
  await withTransaction(async (client) => {
    const sets: string[] = [];
    const params: unknown[] = [queueId];
    const set = (column: string, value: unknown, cast = "") => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (change.name !== undefined) set("name", change.name);
    if (change.status !== undefined) set("status", change.status, `::"QueueStatus"`);
    if (change.blind !== undefined) set("blind", change.blind);
    if (change.leaseSeconds !== undefined) set(`"leaseSeconds"`, change.leaseSeconds);
    const { rowCount } = await client.query(
      `UPDATE "ReviewQueue" SET ${[...sets, `"updatedAt" = ${NOW}`].join(", ")} WHERE id = $1`,
      params,
    );
    if (!rowCount) throw queueNotFound(queueId);
    if (change.addAssignees?.length) {
      await requireActiveUsers(client, change.addAssignees);
      await addMembers(client, queueId, change.addAssignees);
    }
    if (change.removeAssignees?.length) {
      await client.query(`DELETE FROM "ReviewQueueMember" WHERE "queueId" = $1 AND "userId" = ANY($2::text[])`, [
        queueId,
        change.removeAssignees,
      ]);
    }
    await recordAuditWithPg(client, actor, { action: "review.queue.update", targetId: queueId, details: change });
  });
}
