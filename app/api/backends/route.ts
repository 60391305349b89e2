import { recordAuditEvent } from "@/lib/auth/audit-log";
import { backendInputSchema } from "@/lib/cockpit/backends";
import { createBackend, listBackends } from "@/lib/cockpit/backends/backend-repository";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const GET = route({ access: "research" }, async () => ({ backends: await listBackends() }));

export const POST = route({ access: "admin", body: backendInputSchema }, async ({ user, body, ip }) => {
  const created = await createBackend(body);
  await recordAuditEvent({
    actorId: user.id,
    action: "backend.create",
    targetType: "Backend",
    targetId: created.id,
    details: { name: body.name, role: body.role, kind: body.kind, baseUrl: body.baseUrl, credential: body.credential.source },
    ipAddress: ip,
  });
  return json(created, { status: 201 });
});
