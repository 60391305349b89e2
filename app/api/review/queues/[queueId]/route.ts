import { deleteQueue, queueDetail, queueForUser, updateQueue, updateQueueSchema } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { queueParams } from "../../_lib/review-params";

export const GET = route({ access: "review", params: queueParams }, async ({ user, params }) => {
  await queueForUser(user, params.queueId);
  return queueDetail(params.queueId);
});
export type GetReviewQueueResponse = ResponseBody<typeof GET>;

export const PATCH = route({ access: "research", params: queueParams, body: updateQueueSchema }, async ({ params, body, actor }) => {
  await updateQueue(params.queueId, body, actor);
  return queueDetail(params.queueId);
});
export type PatchReviewQueueResponse = ResponseBody<typeof PATCH>;

/** Deletes the queue and its assignments; the audits people made stay with the generations. */
export const DELETE = route({ access: "research", params: queueParams }, async ({ params, actor }) => {
  await deleteQueue(params.queueId, actor);
  return { deleted: params.queueId };
});
