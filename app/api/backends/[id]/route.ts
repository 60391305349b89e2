import { backendInputSchema } from "@/lib/backends/registry";
import { deleteBackend, getBackend, updateBackend } from "@/lib/backends/registry/backend-repository";
import { notFound } from "@/lib/errors/domain-error";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

export const GET = route({ access: "research", params }, async ({ params }) => {
  const backend = await getBackend(params.id);
  if (!backend) throw notFound(`Backend ${params.id}`);
  return { backend };
});

export const PUT = route({ access: "admin", params, body: backendInputSchema }, async ({ params, body, actor }) => {
  const updated = await updateBackend(params.id, body, actor);
  if (!updated) throw notFound(`Backend ${params.id}`);
  return updated;
});
export type PutBackendResponse = ResponseBody<typeof PUT>;

export const DELETE = route({ access: "admin", params }, async ({ params, actor }) => {
  const name = await deleteBackend(params.id, actor);
  if (name === null) throw notFound(`Backend ${params.id}`);
  return { deleted: params.id };
});
export type DeleteBackendResponse = ResponseBody<typeof DELETE>;
