import { newUserSchema } from "@/lib/auth/user-schemas";
import { createUser, listUsers } from "@/lib/auth/users";
import { json } from "@/lib/http/json";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";

export const GET = route({ access: "admin" }, async () => ({ users: await listUsers() }));
export type GetAdminUsersResponse = ResponseBody<typeof GET>;

export const POST = route({ access: "admin", body: newUserSchema }, async ({ body, actor }) => {
  const created = await createUser(body, actor);
  return json({ id: created.id }, { status: 201 });
});
export type PostAdminUsersResponse = ResponseBody<typeof POST>;
