import { z } from "zod";
import { recordAuditEvent } from "@/lib/auth/audit-log";
import { CycleRequestError, resumeRun } from "@/lib/cycles";
import { HttpError } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";

/** Resumes a failed or cancelled run where its cycle stopped. */
export const POST = route({ access: "research", params: z.object({ id: z.coerce.number().int().positive() }) }, async ({ user, params, ip }) => {
  const result = await resumeRun(params.id).catch((error: unknown) => {
    if (error instanceof CycleRequestError) throw new HttpError(error.status, error.message);
    throw error;
  });
  await recordAuditEvent({ actorId: user.id, action: "cycle.resume", targetType: "Run", targetId: params.id, details: result, ipAddress: ip });
  return { ok: true, ...result };
});
