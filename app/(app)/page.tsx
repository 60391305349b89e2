import { redirect } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { ROLE_HOME } from "@/lib/auth/roles";

/** Everyone lands on the page of their everyday job. */
export default async function HomePage() {
  const user = await requireUser("anyone");
  redirect(ROLE_HOME[user.role]);
}
