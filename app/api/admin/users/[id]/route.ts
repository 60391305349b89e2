import { recordAuditEvent } from "@/lib/auth/audit-log";
import { userChangeSchema } from "@/lib/auth/user-schemas";
import { changeRole, setActive } from "@/lib/auth/users";
import { invalidInput } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { userIdParams } from "@/lib/http/schemas";

export const PATCH = route({ access: "admin", params: userIdParams, body: userChangeSchema }, async ({ user, params, body, ip }) => {
  if (params.id === user.id && (body.active === false || (body.role && body.role !== "ADMIN"))) {
    throw invalidInput("You cannot deactivate yourself or give up your own admin role");
  }
  if (body.role) {
    await changeRole(params.id, body.role);
    await recordAuditEvent({
      actorId: user.id,
      action: "user.role",
      targetType: "User",
      targetId: params.id,
      details: { role: body.role },
      ipAddress: ip,
    });
  }
  if (body.active !== undefined) {
    await setActive(params.id, body.active);
    await recordAuditEvent({
      actorId: user.id,
      action: body.active ? "user.reactivate" : "user.deactivate",
      targetType: "User",
      targetId: params.id,
      ipAddress: ip,
    });
  }
  return { ok: true };
});
