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
