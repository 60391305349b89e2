import { userChangeSchema } from "@/lib/auth/user-schemas";
import { changeRole, setActive } from "@/lib/auth/users";
import { invalidInput } from "@/lib/errors/domain-error";
import type { ResponseBody } from "@/lib/http/response-body";
import { route } from "@/lib/http/route";
import { userIdParams } from "@/lib/http/schemas";

export const PATCH = route({ access: "admin", params: userIdParams, body: userChangeSchema }, async ({ user, params, body, actor }) => {
  if (params.id === user.id && (body.active === false || (body.role && body.role !== "ADMIN"))) {
    throw invalidInput("You cannot deactivate yourself or give up your own admin role");
  }
  if (body.role) await changeRole(params.id, body.role, actor);
  if (body.active !== undefined) await setActive(params.id, body.active, actor);
  return { ok: true };
});
export type PatchAdminUserResponse = ResponseBody<typeof PATCH>;
