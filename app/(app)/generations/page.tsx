import type { Metadata } from "next";
import { Suspense } from "react";
import { requireUser } from "@/app/_lib/require-user";
import { GenerationsExplorer } from "@/components/cockpit/generations/generations-explorer";

export const metadata: Metadata = { title: "Generations" };

export default async function GenerationsPage() {
  await requireUser("research");
  return (
    <main>
      <h1 className="mb-6 text-2xl font-semibold">Generations</h1>
      <Suspense>
        <GenerationsExplorer />
      </Suspense>
    </main>
  );
}
