import { z } from "zod";
import { recordAuditEvent } from "@/lib/auth/audit-log";
import { cancelRun } from "@/lib/cycles";
import { route } from "@/lib/http/route";

/** Cancels a run's current cycle (and its training job); what it produced is kept. */
export const POST = route(
  { access: "research", params: z.object({ id: z.coerce.number().int().positive() }) },
  async ({ user, params, ip }) => {
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
  },
);
