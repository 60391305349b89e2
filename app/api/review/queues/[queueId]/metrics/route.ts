import { queueForUser, queueMetrics } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { queueParams } from "../../../_lib/review-params";

/** Progress, hallucination rate, verifier precision and miss rate, agreement — recomputed on each call. */
export const GET = route({ access: "review", params: queueParams }, async ({ user, params }) => {
  await queueForUser(user, params.queueId);
  return queueMetrics(params.queueId);
});
export type GetReviewQueueMetricsResponse = ResponseBody<typeof GET>;
