import { listDisagreements } from "@/lib/review/adjudication/adjudicate";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { queueParams } from "../../../_lib/review-params";

/** Items whose raters disagree (by verdict or spans), and those already adjudicated, each rater side by side. */
export const GET = route({ access: "researchOrPi", params: queueParams }, async ({ user, params }) =>
  listDisagreements(user, params.queueId),
);
export type GetReviewQueueAdjudicationsResponse = ResponseBody<typeof GET>;
