import { recordAuditEvent } from "@/lib/auth/audit-log";
import { deleteQueue, queueDetail, queueForUser, updateQueue, updateQueueSchema } from "@/lib/review";
import { route } from "@/lib/http/route";
import { queueParams } from "../../_lib/review-params";

export const GET = route({ access: "review", params: queueParams }, async ({ user, params }) => {
  await queueForUser(user, params.queueId);
  return queueDetail(params.queueId);
});

export const PATCH = route({ access: "research", params: queueParams, body: updateQueueSchema }, async ({ user, params, body, ip }) => {
  await updateQueue(user, params.queueId, body);
  await recordAuditEvent({
    actorId: user.id,
    action: "review.queue.update",
    targetType: "ReviewQueue",
    targetId: params.queueId,
    details: body,
    ipAddress: ip,
  });
  return queueDetail(params.queueId);
});

/** Deletes the queue and its assignments; the audits people made stay with the generations. */
export const DELETE = route({ access: "research", params: queueParams }, async ({ user, params, ip }) => {
  await deleteQueue(params.queueId);
  await recordAuditEvent({
    actorId: user.id,
    action: "review.queue.delete",
    targetType: "ReviewQueue",
    targetId: params.queueId,
    ipAddress: ip,
  });
  return { deleted: params.queueId };
});
