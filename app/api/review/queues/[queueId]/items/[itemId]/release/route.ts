import { releaseItem } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { itemParams } from "../../../../../_lib/review-params";

/** Skip: give the item back to the pool (it is not offered to this person again). */
export const POST = route({ access: "review", params: itemParams }, async ({ user, params }) => {
  await releaseItem(user, params.queueId, params.itemId);
  return { released: params.itemId };
});
export type PostReviewQueueItemReleaseResponse = ResponseBody<typeof POST>;
