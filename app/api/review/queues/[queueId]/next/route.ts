import { claimNextItem } from "@/lib/review";
import { queueParams, reviewRoute } from "../../../_lib/review-route";

/** Takes the next item (or hands back the one this person holds): `{ claim }`, or `{ claim: null }` when none is left. */
export const POST = reviewRoute({ access: "review", params: queueParams }, async ({ user, params }) => ({
  claim: await claimNextItem(user, params.queueId),
}));
