import { z } from "zod";
import { userChangeSchema } from "@/lib/auth/user-schemas";
import { changeRole, setActive } from "@/lib/auth/users";
import { HttpError } from "@/lib/http/http-error";
import { route } from "@/lib/http/route";

export const PATCH = route(
  { access: "admin", params: z.object({ id: z.string().min(1) }), body: userChangeSchema },
  async ({ user, params, body, ip }) => {
    if (params.id === user.id && (body.active === false || (body.role && body.role !== "ADMIN"))) {
      throw new HttpError(400, "You cannot deactivate yourself or give up your own admin role");
    }
    if (body.role) await changeRole(params.id, body.role, { userId: user.id, ip });
    if (body.active !== undefined) await setActive(params.id, body.active, { userId: user.id, ip });
    return { ok: true };
  },
);
