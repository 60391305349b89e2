import { runHealthCheck } from "@/lib/backends/registry/backend-repository";
import { notFound } from "@/lib/errors/domain-error";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { idParams } from "@/lib/http/schemas";

const params = idParams("id");

/** Checks the backend now (its model list, or the training engine's version) and records the result. */
export const POST = route({ access: "research", params }, async ({ params }) => {
  const report = await runHealthCheck(params.id);
  if (!report) throw notFound(`Backend ${params.id}`);
  return { health: report };
});
export type PostBackendHealthResponse = ResponseBody<typeof POST>;
