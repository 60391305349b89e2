import { ACCESS, type Access } from "./roles";
import { getSessionUser, type SessionUser } from "./session";

export type PageAccess = { kind: "allowed"; user: SessionUser } | { kind: "signed-out" } | { kind: "forbidden"; user: SessionUser };

/** What a page may show to the person behind these headers; the app layer redirects or renders 403. */
export async function checkPageAccess(headers: Headers, access: Access): Promise<PageAccess> {
  const user = await getSessionUser(headers);
  if (!user) return { kind: "signed-out" };
  return (ACCESS[access] as readonly string[]).includes(user.role) ? { kind: "allowed", user } : { kind: "forbidden", user };
}
