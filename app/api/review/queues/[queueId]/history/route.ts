import { listMyHistory, queueForUser } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { tokenPageQuery } from "@/lib/http/schemas";
import { queueParams } from "../../../_lib/review-params";

/** The items this person took in the queue, most recent first, keyset-paged. */
export const GET = route({ access: "review", params: queueParams, query: tokenPageQuery }, async ({ user, params, query }) => {
  await queueForUser(user, params.queueId);
  return listMyHistory(user.id, params.queueId, query);
});
export type GetReviewQueueHistoryResponse = ResponseBody<typeof GET>;
