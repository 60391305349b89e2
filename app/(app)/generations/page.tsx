import type { Metadata } from "next";
import { Suspense } from "react";
import { requireUser } from "@/app/_lib/require-user";
import { ACCESS } from "@/lib/auth/roles";
import { GenerationsExplorer } from "@/components/cockpit/generations/generations-explorer";

export const metadata: Metadata = { title: "Generations" };

export default async function GenerationsPage() {
  const user = await requireUser("researchOrPi");
  return (
    <main>
      <h1 className="mb-6 text-2xl font-semibold">Generations</h1>
      <Suspense>
        <GenerationsExplorer canAddToQueues={(ACCESS.research as readonly string[]).includes(user.role)} />
      </Suspense>
    </main>
  );
}
