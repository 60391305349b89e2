import { deleteQueue, queueDetail, queueForUser, updateQueue, updateQueueSchema } from "@/lib/review";
import { queueParams, reviewRoute } from "../../_lib/review-route";

export const GET = reviewRoute({ access: "review", params: queueParams }, async ({ user, params }) => {
  await queueForUser(user, params.queueId);
  return queueDetail(params.queueId);
});

export const PATCH = reviewRoute(
  { access: "research", params: queueParams, body: updateQueueSchema },
  async ({ user, params, body, ip }) => {
    await updateQueue(params.queueId, body, { userId: user.id, ip });
    return queueDetail(params.queueId);
  },
);

/** Deletes the queue and its assignments; the audits people made stay with the generations. */
export const DELETE = reviewRoute({ access: "research", params: queueParams }, async ({ user, params, ip }) => {
  await deleteQueue(params.queueId, { userId: user.id, ip });
  return { deleted: params.queueId };
});
