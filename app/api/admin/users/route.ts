import { newUserSchema } from "@/lib/auth/user-schemas";
import { createUser, listUsers, UserExistsError } from "@/lib/auth/users";
import { HttpError } from "@/lib/http/http-error";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";

export const GET = route({ access: "admin" }, async () => ({ users: await listUsers() }));

export const POST = route({ access: "admin", body: newUserSchema }, async ({ user, body, ip }) => {
  const created = await createUser(body, { userId: user.id, ip }).catch((error: unknown) => {
    if (error instanceof UserExistsError) throw new HttpError(409, error.message);
    throw error;
  });
  return json({ id: created.id }, { status: 201 });
});
