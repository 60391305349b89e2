import { recordAuditEvent } from "@/lib/auth/audit-log";
import { cancelRun } from "@/lib/cycles";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

/** Cancels a run's current cycle (and its training job); what it produced is kept. */
export const POST = route({ access: "research", params: idParams("id") }, async ({ user, params, ip }) => {
  const result = await cancelRun(params.id);
  await recordAuditEvent({
    actorId: user.id,
    action: "cycle.cancel",
    targetType: "Run",
    targetId: params.id,
    details: { cycleId: result.cycleId },
    ipAddress: ip,
  });
  return { ok: true, ...result };
});
