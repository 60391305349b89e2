import { claimNextItem } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { queueParams } from "../../../_lib/review-params";

/** Takes the next item (or hands back the one this person holds): `{ claim }`, or `{ claim: null }` when none is left. */
export const POST = route({ access: "review", params: queueParams }, async ({ user, params }) => ({
  claim: await claimNextItem(user, params.queueId),
}));
export type PostReviewQueueNextResponse = ResponseBody<typeof POST>;
