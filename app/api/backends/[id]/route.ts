import { recordAuditEvent } from "@/lib/auth/audit-log";
import { backendInputSchema } from "@/lib/cockpit/backends";
import { deleteBackend, getBackend, updateBackend } from "@/lib/cockpit/backends/backend-repository";
import { notFound } from "@/lib/errors/domain-error";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

export const GET = route({ access: "research", params }, async ({ params }) => {
  const backend = await getBackend(params.id);
  if (!backend) throw notFound(`Backend ${params.id}`);
  return { backend };
});

export const PUT = route({ access: "admin", params, body: backendInputSchema }, async ({ user, params, body, ip }) => {
  const updated = await updateBackend(params.id, body);
  if (!updated) throw notFound(`Backend ${params.id}`);
  await recordAuditEvent({
    actorId: user.id,
    action: "backend.update",
    targetType: "Backend",
    targetId: params.id,
    details: {
      name: body.name,
      role: body.role,
      kind: body.kind,
      baseUrl: body.baseUrl,
      credential: body.credential.source,
      credentialChanged: body.credential.source === "stored" && body.credential.value !== undefined,
    },
    ipAddress: ip,
  });
  return updated;
});

export const DELETE = route({ access: "admin", params }, async ({ user, params, ip }) => {
  const name = await deleteBackend(params.id);
  if (name === null) throw notFound(`Backend ${params.id}`);
  await recordAuditEvent({
    actorId: user.id,
    action: "backend.delete",
    targetType: "Backend",
    targetId: params.id,
    details: { name },
    ipAddress: ip,
  });
  return { deleted: params.id };
});
