import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { checkPageAccess } from "@/lib/auth/page-guard";
import type { Access } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";

/** For server components: the signed-in user if their role has this access; else sign-in or 403. */
export async function requireUser(access: Access): Promise<SessionUser> {
  const result = await checkPageAccess(await headers(), access);
  if (result.kind === "signed-out") redirect("/sign-in");
  if (result.kind === "forbidden") forbidden();
  return result.user;
}
