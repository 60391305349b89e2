import { ACCESS, type Access } from "./roles";
import type { SessionUser } from "./session";

export type PageAccess = { kind: "allowed"; user: SessionUser } | { kind: "signed-out" } | { kind: "forbidden"; user: SessionUser };

/** What a page may show to the person signed in (null: nobody); the app layer redirects or renders 403. */
export function checkPageAccess(user: SessionUser | null, access: Access): PageAccess {
  if (!user) return { kind: "signed-out" };
  return (ACCESS[access] as readonly string[]).includes(user.role) ? { kind: "allowed", user } : { kind: "forbidden", user };
}
