import { releaseItem } from "@/lib/review";
import { itemParams, reviewRoute } from "../../../../../_lib/review-route";

/** Skip: give the item back to the pool (it is not offered to this person again). */
export const POST = reviewRoute({ access: "review", params: itemParams }, async ({ user, params }) => {
  await releaseItem(user, params.queueId, params.itemId);
  return { released: params.itemId };
});
