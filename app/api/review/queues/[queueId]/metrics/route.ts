import { queueForUser, queueMetrics } from "@/lib/review";
import { queueParams, reviewRoute } from "../../../_lib/review-route";

/** Progress, hallucination rate, verifier precision and miss rate, agreement — recomputed on each call. */
export const GET = reviewRoute({ access: "review", params: queueParams }, async ({ user, params }) => {
  await queueForUser(user, params.queueId);
  return queueMetrics(params.queueId);
});
