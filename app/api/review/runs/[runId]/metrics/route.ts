import { runMetrics } from "@/lib/review";
import { reviewRoute, runParams } from "../../../_lib/review-route";

/** Every audit of a run's cycles, whatever queue it came through: hallucination by cycle (paper fig. 13). */
export const GET = reviewRoute({ access: "research", params: runParams }, async ({ params }) => runMetrics(params.runId));
