import { recordAuditEvent } from "@/lib/auth/audit-log";
import { newUserSchema } from "@/lib/auth/user-schemas";
import { createUser, listUsers } from "@/lib/auth/users";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const GET = route({ access: "admin" }, async () => ({ users: await listUsers() }));

export const POST = route({ access: "admin", body: newUserSchema }, async ({ user, body, ip }) => {
  const created = await createUser(body);
  await recordAuditEvent({
    actorId: user.id,
    action: "user.create",
    targetType: "User",
    targetId: created.id,
    details: { email: body.email, role: body.role },
    ipAddress: ip,
  });
  return json({ id: created.id }, { status: 201 });
});
