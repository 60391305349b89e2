import { deleteQueue, queueDetail, updateQueue, updateQueueSchema } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { queueParams } from "../../_lib/review-params";

/** The queue's settings; its members (with their e-mail addresses) only for those who manage queues. */
export const GET = route({ access: "review", params: queueParams }, async ({ user, params }) => queueDetail(user, params.queueId));
export type GetReviewQueueResponse = ResponseBody<typeof GET>;

export const PATCH = route({ access: "research", params: queueParams, body: updateQueueSchema }, async ({ user, params, body, actor }) => {
  await updateQueue(params.queueId, body, actor);
  return queueDetail(user, params.queueId);
});
export type PatchReviewQueueResponse = ResponseBody<typeof PATCH>;

/** Deletes the queue and its assignments; the audits people made stay with the generations. */
export const DELETE = route({ access: "research", params: queueParams }, async ({ params, actor }) => {
  await deleteQueue(params.queueId, actor);
  return { deleted: params.queueId };
});
