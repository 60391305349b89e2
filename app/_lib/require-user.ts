import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { checkPageAccess } from "@/lib/auth/page-guard";
import type { Access } from "@/lib/auth/roles";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

// Once per request: the layout and the page both ask, and each lookup is a database round trip.
const sessionUser = cache(async () => getSessionUser(await headers()));

/** For server components: the signed-in user if their role has this access; else sign-in or 403. */
export async function requireUser(access: Access): Promise<SessionUser> {
  const result = checkPageAccess(await sessionUser(), access);
  if (result.kind === "signed-out") redirect("/sign-in");
  if (result.kind === "forbidden") forbidden();
  return result.user;
}
