import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { formatDifficulty, formatScore, formatSigned } from "@/components/aqa/format";
import { MetricCards } from "@/components/aqa/metric-cards";
import { PrintButton } from "@/components/aqa/print-button";
import { ScoreScatter } from "@/components/aqa/score-scatter";
import { SignOffAgreementPanel } from "@/components/aqa/sign-off-agreement";
import { TrendTable } from "@/components/aqa/trend-table";
import { AQA_MODE_LABELS, cycleDiveRows } from "@/lib/aqa-review";
import { loadCyclePage } from "../load-cycle";
import { buttonClasses } from "@/components/ui/button";
import { SimulatedBadge } from "@/components/ui/badge";
import { formatStatus } from "@/lib/format/formatters";

export const metadata: Metadata = { title: "AQA report" };

// Printing: no navigation, A4 landscape, rows kept whole.
const PRINT_CSS = `@media print {
  header:has(nav[aria-label="Main"]) { display: none !important; }
  body { background: white; }
  @page { size: A4 landscape; margin: 12mm; }
  tr { break-inside: avoid; }
}`;

export default async function AqaCycleReportPage(props: {
  params: Promise<{ cycleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("aqa");
  const { dashboard, trend, mode } = await loadCyclePage(props);
  const { cycle, metrics } = dashboard;
  const { rows, signOffs } = await cycleDiveRows(cycle.id, mode, user.id);
  const generatedAt = new Date().toISOString().replace("T", " ").slice(0, 16);
  return (
    <main className="space-y-6 text-sm print:text-xs">
      <style>{PRINT_CSS}</style>
      <div className="flex items-start gap-3">
        <div>
          <h1 className="text-2xl font-semibold">
            FineDiving AQA report · {cycle.run.name}, cycle {cycle.index}
          </h1>
          <p className="text-slate-600">
            {AQA_MODE_LABELS[mode]} · cycle {formatStatus(cycle.status)} · {metrics.dives} dives · generated {generatedAt} UTC by{" "}
            {user.name}
          </p>
        </div>
        <div className="ml-auto flex gap-2 print:hidden">
          <Link href={`/aqa/cycles/${cycle.id}?mode=${mode}`} className={buttonClasses()}>
            Back to the dashboard
          </Link>
          <PrintButton />
        </div>
      </div>

      <MetricCards metrics={metrics} />
      <div className="grid items-start gap-4 md:grid-cols-2 print:grid-cols-2">
        <ScoreScatter points={dashboard.points} />
        <TrendTable cycles={trend} currentCycleId={cycle.id} mode={mode} />
      </div>
      <SignOffAgreementPanel agreement={dashboard.signOffAgreement} simulated={metrics.simulated > 0} />

      <table className="w-full text-left tabular-nums" aria-label="Every dive">
        <thead className="border-b border-slate-300 text-xs text-slate-500 [&_th]:pr-2">
          <tr>
            <th className="py-1">Dive</th>
            <th>Question</th>
            <th>True</th>
            <th>Predicted</th>
            <th>Error</th>
            <th>DD true / predicted</th>
            <th>Sub-actions (true → predicted)</th>
            <th>Arithmetic flags</th>
            <th>Sign-offs</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 align-top [&_td]:pr-2">
          {rows.map((row) => (
            <tr key={row.generationId}>
              <td className="py-1">
                {row.diveNumber} · {row.videoKey}
                {row.simulated && <SimulatedBadge className="ml-1" />}
                {row.recordWarning && <div className="text-amber-700">record: {row.recordWarning}</div>}
              </td>
              <td>{row.questionKind}</td>
              <td>{formatScore(row.trueScore)}</td>
              <td>{formatScore(row.predictedScore)}</td>
              <td>{formatSigned(row.scoreError)}</td>
              <td>
                {formatDifficulty(row.trueDifficulty)} / {formatDifficulty(row.predictedDifficulty)}
              </td>
              <td>
                {row.trueSequence.join(" › ") || "—"}
                <br />→ {row.predictedSequence.join(" › ") || "none named"}
              </td>
              <td>
                {row.arithmeticFlags.length === 0
                  ? `${row.arithmeticChecks} checked, none wrong`
                  : row.arithmeticFlags.map((f, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a rationale's flags are fixed and never reordered
                      <div key={i} className="text-rose-800">
                        stated {f.claimed}, but {f.rule} gives {f.recomputed}
                      </div>
                    ))}
              </td>
              <td>
                {(signOffs.get(row.generationId) ?? []).map((s) => (
                  <div key={s.user.id} data-testid="report-sign-off">
                    {s.decision === "ACCEPTED" ? "accepted" : "rejected"} by {s.user.name}
                    {s.reason && `: ${s.reason}`}
                    {s.qualityScore !== null && ` (quality ${s.qualityScore}/5)`}
                    {s.comment && <div className="text-slate-600">Comment: {s.comment}</div>}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
