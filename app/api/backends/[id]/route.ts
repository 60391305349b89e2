import { z } from "zod";
import { backendInputSchema } from "@/lib/backends/registry";
import { deleteBackend, getBackend, updateBackend } from "@/lib/backends/registry/backend-repository";
import { notFound } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";
import { backendWriteErrors } from "../write-errors";

const params = z.object({ id: z.coerce.number().int().positive() });

export const GET = route({ access: "research", params }, async ({ params }) => {
  const backend = await getBackend(params.id);
  if (!backend) throw notFound(`Backend ${params.id}`);
  return { backend };
});

export const PUT = route({ access: "admin", params, body: backendInputSchema }, async ({ user, params, body, ip }) => {
  const updated = await updateBackend(params.id, body, { userId: user.id, ip }).catch(backendWriteErrors);
  if (!updated) throw notFound(`Backend ${params.id}`);
  return updated;
});

export const DELETE = route({ access: "admin", params }, async ({ user, params, ip }) => {
  const name = await deleteBackend(params.id, { userId: user.id, ip }).catch(backendWriteErrors);
  if (name === null) throw notFound(`Backend ${params.id}`);
  return { deleted: params.id };
});
