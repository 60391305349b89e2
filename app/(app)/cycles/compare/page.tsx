import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { BenchmarkPanel } from "@/components/cockpit/benchmarks/benchmark-panel";
import { ComparisonBars } from "@/components/cockpit/charts/comparison-bars";
import { CompareForm } from "@/components/cockpit/cycles/compare-form";
import { ComparisonTable } from "@/components/cockpit/cycles/comparison-table";
import { StatusBadge } from "@/components/cockpit/cycles/status-badge";
import { formatDuration, formatNumber } from "@/lib/format/formatters";
import { Section } from "@/components/cockpit/ui";
import { compareCycles, type ComparedCycle } from "@/lib/cockpit/charts/comparison-repository";
import { auditRows, evaluationRows, yieldRows } from "@/lib/cockpit/charts/comparison-rows";
import { listCycles } from "@/lib/cockpit/cycles/cycle-list-repository";
import { DataTable } from "@/components/ui/data-table";
import { SimulatedBadge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Compare cycles" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("research");
  const params = await searchParams;
  const a = Number(params.a);
  const b = Number(params.b);
  const cycles = await listCycles();
  const comparison = Number.isSafeInteger(a) && Number.isSafeInteger(b) && a > 0 && b > 0 ? await compareCycles(a, b) : null;
  return (
    <main className="space-y-6">
      <div>
        <Link href="/cycles" className="text-sm text-indigo-700 hover:underline">
          ← Cycles
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">Compare cycles</h1>
      </div>
      <Section title="Cycles">
        <CompareForm cycles={cycles} a={comparison ? a : undefined} b={comparison ? b : undefined} />
      </Section>
      {!comparison ? (
        <p className="text-slate-600">Choose two cycles to compare.</p>
      ) : (
        <>
          <Section title="Overview">
            <div className="grid grid-cols-2 gap-6 text-sm">
              <Overview cycle={comparison.a} />
              <Overview cycle={comparison.b} />
            </div>
          </Section>
          <Section title="Yield">
            <ComparisonBars
              rows={yieldRows(comparison.a, comparison.b)}
              a={sideName(comparison.a)}
              b={sideName(comparison.b)}
              yLabel="passed, of answered"
            />
            <ComparisonTable
              title="dataset · mode"
              rows={yieldRows(comparison.a, comparison.b)}
              a={sideName(comparison.a)}
              b={sideName(comparison.b)}
            />
          </Section>
          <Section title="Audits and evaluation">
            <div className="space-y-4">
              <ComparisonTable
                title="from audits"
                rows={auditRows(comparison.a, comparison.b)}
                a={sideName(comparison.a)}
                b={sideName(comparison.b)}
              />
              <ComparisonTable
                title="held out"
                rows={evaluationRows(comparison.a, comparison.b)}
                a={sideName(comparison.a)}
                b={sideName(comparison.b)}
              />
              {auditRows(comparison.a, comparison.b).length + evaluationRows(comparison.a, comparison.b).length === 0 && (
                <p className="text-sm text-slate-500">No audits or evaluations for these cycles yet.</p>
              )}
            </div>
          </Section>
          <Section title="Zero-shot benchmarks (lmms-eval)">
            {comparison.a.runId === comparison.b.runId ? (
              <BenchmarkPanel runId={comparison.a.runId} cycleIndexes={[comparison.a.index, comparison.b.index]} />
            ) : (
              <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
                <BenchmarkPanel runId={comparison.a.runId} cycleIndexes={[comparison.a.index]} />
                <BenchmarkPanel runId={comparison.b.runId} cycleIndexes={[comparison.b.index]} />
              </div>
            )}
          </Section>
          <Section title="Settings that differ">
            <DataTable
              label="Settings that differ"
              rows={comparison.configDiff}
              rowKey={(difference) => difference.path}
              empty="Same settings."
              columns={[
                { header: "setting", cell: (difference) => difference.path, className: "font-mono text-xs" },
                {
                  header: comparison.a.label,
                  cell: (difference) => <JsonValue value={difference.a} />,
                  className: "max-w-xs truncate font-mono text-xs",
                },
                {
                  header: comparison.b.label,
                  cell: (difference) => <JsonValue value={difference.b} />,
                  className: "max-w-xs truncate font-mono text-xs",
                },
              ]}
            />
          </Section>
        </>
      )}
    </main>
  );
}

function Overview({ cycle }: { cycle: ComparedCycle }) {
  const generations = cycle.usage.reduce((sum, point) => sum + point.generations, 0);
  const tokens = cycle.usage.reduce((sum, point) => sum + point.promptTokens + point.completionTokens, 0);
  return (
    <dl className="grid grid-cols-[9rem_1fr] gap-y-1">
      <dt className="text-slate-500">Cycle</dt>
      <dd>
        <Link href={`/cycles/${cycle.id}`} className="text-indigo-700 hover:underline">
          {cycle.label}
        </Link>{" "}
        <StatusBadge status={cycle.status} /> {cycle.simulated && <SimulatedBadge />}
      </dd>
      <dt className="text-slate-500">Duration</dt>
      <dd>{cycle.durationMs === null ? "—" : formatDuration(cycle.durationMs / 1000)}</dd>
      <dt className="text-slate-500">Generations</dt>
      <dd>{formatNumber(generations)}</dd>
      <dt className="text-slate-500">Tokens</dt>
      <dd>{formatNumber(tokens)}</dd>
      <dt className="text-slate-500">Checkpoint</dt>
      <dd className="font-mono text-xs">{cycle.outputCheckpoint ?? "—"}</dd>
    </dl>
  );
}

/** A cycle's name in the chart legend, marked when its answers are simulated. */
function sideName(cycle: ComparedCycle): string {
  return cycle.simulated ? `${cycle.label} (simulated)` : cycle.label;
}

function JsonValue({ value }: { value: unknown }) {
  const text = JSON.stringify(value);
  return <span title={text}>{text}</span>;
}
