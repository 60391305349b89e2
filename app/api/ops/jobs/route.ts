import { route } from "@/lib/http/route";
import type { ResponseBody } from "@/lib/http/response-body";
import { LONG_ACTIVE_SECONDS, listProblemJobs, listQueueCounts } from "@/lib/ops/job-repository";

export const dynamic = "force-dynamic";

/** Per queue, its queued, active and failed jobs; and the failed and long-running jobs themselves. */
export const GET = route({ access: "research" }, async () => {
  const [queues, problems] = await Promise.all([listQueueCounts(), listProblemJobs()]);
  return { queues, problems, longActiveSeconds: LONG_ACTIVE_SECONDS, checkedAt: new Date() };
});

export type GetOpsJobsResponse = ResponseBody<typeof GET>;
