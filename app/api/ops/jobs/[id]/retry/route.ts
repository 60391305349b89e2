import { z } from "zod";
import { route } from "@/lib/http/route";
import type { ResponseBody } from "@/lib/http/response-body";
import { retryFailedJob } from "@/lib/ops/job-repository";

/** Puts a failed job back in its queue for one more try; 409 when it is not failed. */
export const POST = route({ access: "research", params: z.object({ id: z.uuid() }) }, async ({ params, actor }) => {
  const { queue } = await retryFailedJob(params.id, actor);
  return { retried: true, queue };
});

export type PostOpsJobRetryResponse = ResponseBody<typeof POST>;
