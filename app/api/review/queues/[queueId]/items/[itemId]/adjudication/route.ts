import { adjudicateItem, adjudicationSchema } from "@/lib/review/adjudication/adjudicate";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { itemParams } from "../../../../../_lib/review-params";

/** Records the final verdict on the item's answer, with the spans kept and a note (admin, researcher, PI); audited. */
export const PUT = route({ access: "researchOrPi", params: itemParams, body: adjudicationSchema }, async ({ user, params, body, actor }) =>
  adjudicateItem(user, actor, params.queueId, params.itemId, body),
);
export type PutReviewQueueItemAdjudicationResponse = ResponseBody<typeof PUT>;
