"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Proportion } from "@/lib/review/stats/wilson";
import { formatPercent, formatTime } from "@/lib/format/formatters";
import { HallucinationByCycleChart, HallucinationByDatasetChart, ThroughputChart, VerdictMixChart, VerifierChart } from "./metrics-charts";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./query-keys";
import { IccFigures } from "./icc-figures";

const REFRESH_MS = 5_000;

/** A queue's metrics, refetched every few seconds while open. */
export function MetricsDashboard({ queueId, queueName, runId }: { queueId: number; queueName: string; runId: number | null }) {
  const metrics = useQuery({
    queryKey: reviewKeys.metrics(queueId),
    queryFn: () => reviewApi.metrics(queueId),
    refetchInterval: REFRESH_MS,
  });
  const run = useQuery({
    queryKey: reviewKeys.runMetrics(runId ?? 0),
    queryFn: () => reviewApi.runMetrics(runId ?? 0),
    enabled: runId !== null,
    refetchInterval: REFRESH_MS * 6,
    retry: false,
  });
  if (metrics.isPending) return <p className="text-slate-500">Computing metrics…</p>;
  if (metrics.isError)
    return (
      <p role="alert" className="text-rose-700">
        {metrics.error.message}
      </p>
    );
  const m = metrics.data;
  const raterName = new Map(m.raters.map((rater) => [rater.raterId, rater.name]));
  const name = (id: string) => raterName.get(id) ?? id;

  return (
    <main>
      <div className="flex items-baseline gap-4">
        <h1 className="text-2xl font-semibold">Metrics · {queueName}</h1>
        <Link href={`/review/${queueId}`} className="text-sm text-indigo-700 hover:underline">
          Back to the queue
        </Link>
        <span className="ml-auto text-xs text-slate-400" data-testid="metrics-updated">
          live · updated {formatTime(m.computedAt)}
        </span>
      </div>

      <section className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4" aria-label="Headline figures">
        <Figure
          label="Audits submitted"
          testId="metric-audits"
          value={`${m.progress.submitted} / ${m.progress.target}`}
          note={`${m.progress.complete} of ${m.progress.items} items complete · ${m.progress.activeLeases} open`}
        />
        <Figure
          label="Hallucination rate"
          testId="metric-hallucination"
          value={formatPercent(m.overall.hallucination.rate)}
          note={interval(m.overall.hallucination)}
        />
        <Figure
          label="Verifier precision"
          testId="metric-precision"
          value={formatPercent(m.overall.precision.rate)}
          note={interval(m.overall.precision)}
        />
        <Figure
          label="Verifier miss rate"
          testId="metric-miss"
          value={formatPercent(m.overall.missRate.rate)}
          note={interval(m.overall.missRate)}
        />
      </section>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={m.progress.target}
        aria-valuenow={m.progress.submitted}
        className="mt-3 h-2 rounded bg-slate-100"
        aria-label="Progress"
      >
        <div
          className="h-2 rounded bg-indigo-500"
          style={{ width: `${m.progress.target ? (100 * m.progress.submitted) / m.progress.target : 0}%` }}
        />
      </div>

      <section className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-2" aria-label="Charts">
        <HallucinationByDatasetChart groups={m.byDatasetMode} />
        <VerifierChart groups={m.byDataset} />
        <VerdictMixChart groups={m.byMode} />
        <ThroughputChart buckets={m.throughput} />
        {m.byCycle.length > 1 && (
          <HallucinationByCycleChart groups={m.byCycleDatasetMode} title="Hallucination across cycles in this queue" />
        )}
        {run.data && run.data.byCycle.length > 0 && (
          <HallucinationByCycleChart
            groups={run.data.byCycleDatasetMode}
            title="Hallucination across the run's cycles (all queues; paper fig. 13)"
          />
        )}
      </section>

      <section className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Table title="Per dataset, mode and cycle" head={["Group", "Items", "Hallucination (95 % CI)", "Precision", "Miss rate"]}>
          {m.byCycleDatasetMode.map((group) => (
            <tr key={group.key}>
              <td className="py-1">{group.label}</td>
              <td>{group.units}</td>
              <td>
                {formatPercent(group.hallucination.rate)} <span className="text-xs text-slate-500">{interval(group.hallucination)}</span>
              </td>
              <td>
                {formatPercent(group.precision.rate)} <span className="text-xs text-slate-500">n={group.precision.n}</span>
              </td>
              <td>
                {formatPercent(group.missRate.rate)} <span className="text-xs text-slate-500">n={group.missRate.n}</span>
              </td>
            </tr>
          ))}
        </Table>
        <div>
          <h2 className="text-sm font-semibold">
            Agreement ({m.agreement.raters} {m.agreement.raters === 1 ? "rater" : "raters"})
          </h2>
          <dl className="mt-2 grid grid-cols-2 gap-2 text-sm" data-testid="agreement">
            <dt className="text-slate-500">Verdict: Krippendorff&apos;s α (nominal)</dt>
            <dd>
              {fixed(m.agreement.verdict.alpha)} <span className="text-xs text-slate-500">over {m.agreement.verdict.units} items</span>
            </dd>
            <dt className="text-slate-500">Verdict: Cohen&apos;s κ (two raters)</dt>
            <dd>
              {m.agreement.raters === 2
                ? fixed(m.agreement.verdict.kappa)
                : m.agreement.raters > 2
                  ? "— (more than two: see pairs)"
                  : "— (needs two raters)"}
            </dd>
            <dt className="text-slate-500">Label present: α</dt>
            <dd>{fixed(m.agreement.labelPresent.alpha)}</dd>
            <dt className="text-slate-500">Label present: κ</dt>
            <dd>{m.agreement.raters === 2 ? fixed(m.agreement.labelPresent.kappa) : "—"}</dd>
            <IccFigures label="Answer quality (1–5)" icc={m.agreement.qualityScore} targetNoun="item" testId="agreement-quality-icc" />
          </dl>
          {m.agreement.verdict.pairs.length > 0 && (
            <Table title="Cohen's κ per pair (verdict)" head={["Pair", "Shared items", "κ", "Agreement"]}>
              {m.agreement.verdict.pairs.slice(0, 20).map((pair) => (
                <tr key={`${pair.raterA}-${pair.raterB}`}>
                  <td className="py-1">
                    {name(pair.raterA)} · {name(pair.raterB)}
                  </td>
                  <td>{pair.n}</td>
                  <td>{fixed(pair.kappa)}</td>
                  <td>{formatPercent(pair.observed, 0)}</td>
                </tr>
              ))}
            </Table>
          )}
        </div>
        <Table title="People" head={["Annotator", "Audits submitted", "Gold accuracy"]}>
          {m.raters.map((rater) => {
            const gold = m.gold.find((g) => g.raterId === rater.raterId);
            return (
              <tr key={rater.raterId}>
                <td className="py-1">{rater.name}</td>
                <td>{rater.submitted}</td>
                <td>{gold ? `${gold.correct}/${gold.n} (${formatPercent(gold.accuracy.rate, 0)})` : "—"}</td>
              </tr>
            );
          })}
        </Table>
      </section>
      <p className="mt-6 text-xs text-slate-500">
        An item counts as hallucinated when most of its raters call it hallucinated or partly correct (a tie counts; “unsure” abstains),
        unless its final verdict was adjudicated: <span data-testid="metric-adjudicated">{m.overall.adjudicated} adjudicated</span>, whose
        final verdict counts instead (agreement, κ and α, stays on the raters&apos; own verdicts). Gold items are left out of the rates. In
        a stratified queue, read the rates per dataset and mode: strata were sampled equally, not in proportion.
      </p>
    </main>
  );
}

const fixed = (value: number | null) => (value === null ? "—" : value.toFixed(3));
const interval = (p: Proportion) =>
  p.low === null || p.high === null ? `n=${p.n}` : `${formatPercent(p.low, 0)}–${formatPercent(p.high, 0)}, n=${p.n}`;

function Figure({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-2xl font-semibold" data-testid={testId}>
        {value}
      </p>
      <p className="text-xs text-slate-500">{note}</p>
    </div>
  );
}

function Table({ title, head, children }: { title: string; head: string[]; children: React.ReactNode }) {
  return (
    <div>
      <h2 className="text-sm font-semibold">{title}</h2>
      <table className="mt-2 w-full text-left text-sm">
        <thead className="text-slate-500">
          <tr>
            {head.map((cell) => (
              <th key={cell} className="py-1 font-normal">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
