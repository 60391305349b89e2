import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { auth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";

const PASSWORD = "test-password-123";

/** Creates a user of this role (unique email) and signs in; returns the Cookie header of its session. */
export async function sessionCookieFor(role: Role, tag = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const email = `${role.toLowerCase()}-${tag}@test.local`;
  await createUser({ email, name: `${role} ${tag}`, role, password: PASSWORD }, SYSTEM_ACTOR);
  const response = await auth().api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
