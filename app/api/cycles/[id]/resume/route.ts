import { z } from "zod";
import { resumeRun } from "@/lib/cycles";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const resumeBody = z.object({
  /** Retry only the given-up items that failed for these reasons (an error group's "Retry"). */
  reasons: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
});

/** Resumes a failed or cancelled run where its cycle stopped. */
export const POST = route({ access: "research", params: idParams("id"), body: resumeBody }, async ({ params, body, actor }) => {
  const result = await resumeRun(params.id, actor, { reasons: body.reasons });
  return { ok: true, ...result };
});
export type PostCycleResumeResponse = ResponseBody<typeof POST>;
