import { itemDetail } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { itemParams } from "../../../../_lib/review-params";

/** Everything the item screen needs, in one response (one SQL round trip). */
export const GET = route({ access: "review", params: itemParams }, async ({ user, params }) =>
  itemDetail(user, params.queueId, params.itemId),
);
export type GetReviewQueueItemResponse = ResponseBody<typeof GET>;
