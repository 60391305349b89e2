import { z } from "zod";
import { recordAuditEvent } from "@/lib/auth/audit-log";
import { resumeRun } from "@/lib/cycles";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const resumeBody = z.object({
  /** Retry only the given-up items that failed for these reasons (an error group's "Retry"). */
  reasons: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
});

/** Resumes a failed or cancelled run where its cycle stopped. */
export const POST = route({ access: "research", params: idParams("id"), body: resumeBody }, async ({ user, params, body, ip }) => {
  const result = await resumeRun(params.id, { reasons: body.reasons });
  await recordAuditEvent({
    actorId: user.id,
    action: "cycle.resume",
    targetType: "Run",
    targetId: params.id,
    details: { ...result, reasons: body.reasons ?? "all" },
    ipAddress: ip,
  });
  return { ok: true, ...result };
});
