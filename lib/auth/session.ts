import { auth } from "./auth";
import { isRole, type Role } from "./roles";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in, active user behind these request headers, or null. */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const { id, email, name, role, active } = session.user as typeof session.user & { role?: unknown; active?: unknown };
  if (active === false || !isRole(role)) return null;
  return { id, email, name, role };
}
