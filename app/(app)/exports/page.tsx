import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { ExportsPanel } from "@/components/cockpit/exports/exports-panel";
import { listCycles } from "@/lib/cockpit/cycles/cycle-list-repository";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("research");
  const cycleParam = Number((await searchParams).cycleId);
  const cycles = (await listCycles()).map((cycle) => ({ id: cycle.id, label: `${cycle.label} (${cycle.status.toLowerCase()})` }));
  return (
    <main>
      <h1 className="mb-2 text-2xl font-semibold">Exports</h1>
      <p className="mb-6 text-sm text-slate-600">
        Training data from a cycle&apos;s verified answers, written by a worker and downloaded from here.
      </p>
      <ExportsPanel cycles={cycles} initialCycleId={Number.isSafeInteger(cycleParam) && cycleParam > 0 ? cycleParam : null} />
    </main>
  );
}
