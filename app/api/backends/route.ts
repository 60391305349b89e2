import { backendInputSchema } from "@/lib/backends/registry";
import { createBackend, listBackends } from "@/lib/backends/registry/backend-repository";
import { json } from "@/lib/http/json";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

export const GET = route({ access: "research" }, async () => ({ backends: await listBackends() }));
export type GetBackendsResponse = ResponseBody<typeof GET>;

export const POST = route({ access: "admin", body: backendInputSchema }, async ({ body, actor }) => {
  const created = await createBackend(body, actor);
  return json(created, { status: 201 });
});
export type PostBackendsResponse = ResponseBody<typeof POST>;
