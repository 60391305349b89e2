import { backendInputSchema } from "@/lib/backends/registry";
import { createBackend, listBackends } from "@/lib/backends/registry/backend-repository";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { backendWriteErrors } from "./write-errors";

export const GET = route({ access: "research" }, async () => ({ backends: await listBackends() }));

export const POST = route({ access: "admin", body: backendInputSchema }, async ({ user, body, ip }) => {
  const created = await createBackend(body, { userId: user.id, ip }).catch(backendWriteErrors);
  return json(created, { status: 201 });
});
