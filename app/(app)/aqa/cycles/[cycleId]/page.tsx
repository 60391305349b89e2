import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { CycleTrend } from "@/components/aqa/cycle-trend";
import { DiveTable } from "@/components/aqa/dive-table";
import { MetricCards } from "@/components/aqa/metric-cards";
import { ModeSwitch } from "@/components/aqa/mode-switch";
import { ScoreScatter } from "@/components/aqa/score-scatter";
import { SignOffAgreementPanel } from "@/components/aqa/sign-off-agreement";
import { TrendTable } from "@/components/aqa/trend-table";
import { loadCyclePage } from "./load-cycle";
import { buttonClasses } from "@/components/ui/button";
import { StatusBadge } from "@/components/cockpit/cycles/status-badge";

export const metadata: Metadata = { title: "AQA cycle" };

export default async function AqaCyclePage(props: {
  params: Promise<{ cycleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("aqa");
  const { dashboard, trend, mode } = await loadCyclePage(props);
  const { cycle, metrics } = dashboard;
  return (
    <main className="space-y-8">
      <div className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href="/aqa" className="hover:underline">
            FineDiving explanations
          </Link>{" "}
          › {cycle.run.name}
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            Cycle {cycle.index} · {cycle.run.name}
          </h1>
          <StatusBadge status={cycle.status} />
          <div className="ml-auto flex gap-2">
            <ModeSwitch basePath={`/aqa/cycles/${cycle.id}`} mode={mode} counts={cycle.aqaGenerations} />
            <a href={`/api/aqa/cycles/${cycle.id}/report.csv?mode=${mode}`} className={buttonClasses()} download>
              Download CSV
            </a>
            <Link href={`/aqa/cycles/${cycle.id}/report?mode=${mode}`} className={buttonClasses()}>
              Printable report
            </Link>
          </div>
        </div>
        <p className="text-sm text-slate-600">
          {metrics.dives} FineDiving answers; {metrics.scored} state a final score ({dashboard.unscored} do not).
          {metrics.simulated > 0 && ` ${metrics.simulated} of them come from a simulated backend.`}
          {metrics.recordWarnings > 0 &&
            ` ${metrics.recordWarnings} ground-truth records disagree with their own judges (kept as truth, flagged).`}
        </p>
      </div>

      <MetricCards metrics={metrics} />

      <section aria-labelledby="scatter-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="scatter-heading" className="mb-2 text-lg font-semibold">
          Predicted against true score
        </h2>
        <ScoreScatter points={dashboard.points} />
      </section>

      <SignOffAgreementPanel agreement={dashboard.signOffAgreement} simulated={metrics.simulated > 0} />

      <section aria-labelledby="trend-heading" className="space-y-3">
        <h2 id="trend-heading" className="text-lg font-semibold">
          Across the run&apos;s cycles
        </h2>
        <CycleTrend cycles={trend} currentCycleId={cycle.id} anchors={metrics.anchors} />
        <TrendTable cycles={trend} currentCycleId={cycle.id} mode={mode} />
      </section>

      {dashboard.problems.length > 0 && (
        <section aria-label="Answers that cannot be reviewed" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 className="font-semibold">{dashboard.problems.length} answers cannot be reviewed</h2>
          <ul className="mt-1 list-disc pl-5">
            {dashboard.problems.slice(0, 20).map((p) => (
              <li key={p.generationId}>{p.message}</li>
            ))}
          </ul>
        </section>
      )}

      <DiveTable cycleId={cycle.id} mode={mode} />
    </main>
  );
}
