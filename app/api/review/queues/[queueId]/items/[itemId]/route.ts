import { itemDetail } from "@/lib/review";
import { itemParams, reviewRoute } from "../../../../_lib/review-route";

/** Everything the item screen needs, in one response (one SQL round trip). */
export const GET = reviewRoute({ access: "review", params: itemParams }, async ({ user, params }) =>
  itemDetail(user, params.queueId, params.itemId),
);
