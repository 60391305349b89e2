import { runMetrics } from "@/lib/review";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { runParams } from "../../../_lib/review-params";

/** Every audit of a run's cycles, whatever queue it came through: hallucination by cycle (paper fig. 13). */
export const GET = route({ access: "research", params: runParams }, async ({ params }) => runMetrics(params.runId));
export type GetReviewRunMetricsResponse = ResponseBody<typeof GET>;
