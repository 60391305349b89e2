import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { RunBenchmarksPicker } from "@/components/cockpit/benchmarks/run-benchmarks";
import { TrendCharts } from "@/components/cockpit/charts/trend-charts";
import { CompareForm } from "@/components/cockpit/cycles/compare-form";
import { StatusBadge } from "@/components/cockpit/cycles/status-badge";
import { Section } from "@/components/cockpit/ui";
import { buttonClasses } from "@/components/ui/button";
import { listRuns } from "@/lib/cockpit/cycles/cycle-list-repository";
import { formatDateTime } from "@/lib/format/formatters";

export const metadata: Metadata = { title: "Cycles" };

export default async function CyclesPage() {
  await requireUser("research");
  const runs = await listRuns();
  const cycles = runs.flatMap((run) => run.cycles.map((cycle) => ({ id: cycle.id, label: `${run.name} · cycle ${cycle.index}` })));
  return (
    <main className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Cycles</h1>
        <Link href="/cycles/new" className={buttonClasses({ variant: "primary", size: "md" })}>
          Launch a cycle
        </Link>
      </div>
      <Section title="Runs">
        {runs.length === 0 ? (
          <p className="text-sm text-slate-600">No cycle has been launched yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Runs">
            {runs.map((run) => (
              <li key={run.id} className="py-2">
                <div className="flex items-center gap-2">
                  <span className="font-medium">{run.name}</span>
                  <StatusBadge status={run.status} />
                  <span className="text-xs text-slate-500">
                    {formatDateTime(run.createdAt)}
                    {run.createdBy ? ` · ${run.createdBy}` : ""}
                  </span>
                </div>
                <ul className="mt-1 flex flex-wrap gap-3 text-sm">
                  {run.cycles.map((cycle) => (
                    <li key={cycle.id}>
                      <Link href={`/cycles/${cycle.id}`} className="text-indigo-700 hover:underline">
                        cycle {cycle.index}
                        {cycle.isFinal ? " (final)" : ""}
                      </Link>{" "}
                      <StatusBadge status={cycle.status} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Across cycles">
        <TrendCharts runs={runs.map((run) => ({ id: run.id, name: run.name }))} initialRunId={null} />
      </Section>
      <Section title="Zero-shot benchmarks (lmms-eval)">
        <RunBenchmarksPicker runs={runs.map((run) => ({ id: run.id, name: run.name }))} />
      </Section>
      <Section title="Compare two cycles">
        <CompareForm cycles={cycles} />
      </Section>
    </main>
  );
}
