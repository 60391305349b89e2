import { queueForUser, queueMetrics } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { queueParams } from "../../../_lib/review-params";

/**
 * Progress, hallucination rate, verifier precision and miss rate, agreement — recomputed on each
 * call. For those who manage queues: it shows every rater's progress and gold accuracy.
 */
export const GET = route({ access: "research", params: queueParams }, async ({ user, params }) => {
  await queueForUser(user, params.queueId);
  return queueMetrics(params.queueId);
});
export type GetReviewQueueMetricsResponse = ResponseBody<typeof GET>;
