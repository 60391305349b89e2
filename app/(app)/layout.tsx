import type { ReactNode } from "react";
import { AppNav } from "@/components/app-nav";
import { requireUser } from "@/app/_lib/require-user";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("anyone");
  return (
    <>
      <AppNav user={user} />
      <div className="mx-auto max-w-6xl px-6 py-8">{children}</div>
    </>
  );
}
