import { addGenerationsSchema, addGenerationsToQueue } from "@/lib/cockpit/generations/add-to-queue";
import { listQueueItems, queueForUser } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { tokenPageQuery } from "@/lib/http/schemas";
import { queueParams } from "../../../_lib/review-params";

/** The queue's items in order with their progress (for researchers), keyset-paged. */
export const GET = route({ access: "research", params: queueParams, query: tokenPageQuery }, async ({ user, params, query }) => {
  await queueForUser(user, params.queueId);
  return listQueueItems(params.queueId, query);
});
export type GetReviewQueueItemsResponse = ResponseBody<typeof GET>;

/** Adds generations from the explorer (a selection, or everything its filters match) at the end of the queue. */
export const POST = route(
  { access: "research", params: queueParams, body: addGenerationsSchema, maxBodyBytes: 1024 * 1024 },
  async ({ params, body, actor }) => addGenerationsToQueue(params.queueId, body, actor),
);
export type PostReviewQueueItemsResponse = ResponseBody<typeof POST>;
