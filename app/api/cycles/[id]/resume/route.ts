import { z } from "zod";
import { CycleRequestError, resumeRun } from "@/lib/cycles";
import { HttpError } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";

const resumeBody = z.object({
  /** Retry only the given-up items that failed for these reasons (an error group's "Retry"). */
  reasons: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
});

/** Resumes a failed or cancelled run where its cycle stopped. */
export const POST = route(
  { access: "research", params: z.object({ id: z.coerce.number().int().positive() }), body: resumeBody },
  async ({ user, params, body, ip }) => {
    const result = await resumeRun(params.id, { userId: user.id, ip }, { reasons: body.reasons }).catch((error: unknown) => {
      if (error instanceof CycleRequestError) throw new HttpError(error.status, error.message);
      throw error;
    });
    return { ok: true, ...result };
  },
);
