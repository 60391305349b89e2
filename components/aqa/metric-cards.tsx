import type { CycleMetrics, MetricInterval } from "@/lib/aqa-review/cycle-metrics";
import { formatNumber, formatPercent } from "@/lib/format/formatters";
import { formatInterval } from "./format";

/** The cycle's AQA figures, each with what it is computed over; ρ and R-ℓ2 beside the published anchors. */
export function MetricCards({ metrics }: { metrics: CycleMetrics }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Cycle metrics">
      <IntervalCard
        testId="metric-spearman"
        label="Spearman ρ"
        interval={metrics.spearman}
        anchor={`published ≈ ${metrics.anchors.spearman}`}
        basis={`${metrics.scored} of ${metrics.dives} answers state a score`}
        better="higher is better"
      />
      <IntervalCard
        testId="metric-relative-l2"
        label="Relative ℓ2 × 100"
        interval={metrics.relativeL2x100}
        anchor={`published ≈ ${metrics.anchors.relativeL2x100}`}
        basis={`over the same ${metrics.scored} answers`}
        better="lower is better"
      />
      <ShareCard
        testId="metric-difficulty"
        label="Difficulty accuracy"
        value={metrics.difficultyAccuracy}
        basis={`${metrics.difficultyAsked} answers asked for it (±0.05)`}
      />
      <ShareCard
        testId="metric-sequence"
        label="Sequence accuracy"
        value={metrics.sequenceAccuracy}
        basis={`${metrics.sequenceAsked} answers asked for it (exact order)`}
      />
      <ShareCard
        testId="metric-arithmetic"
        label="Arithmetic errors"
        value={metrics.arithmeticErrorShare}
        basis={`${metrics.arithmeticFlagged} of ${metrics.dives} rationales flagged`}
        tone={metrics.arithmeticFlagged > 0 ? "warn" : "plain"}
      />
    </dl>
  );
}

function Card({ testId, label, children }: { testId: string; label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 print:break-inside-avoid" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

function IntervalCard(props: {
  testId: string;
  label: string;
  interval: MetricInterval | null;
  anchor: string;
  basis: string;
  better: string;
}) {
  const { interval } = props;
  return (
    <Card testId={props.testId} label={props.label}>
      <span className="text-2xl font-semibold tabular-nums" data-testid={`${props.testId}-value`}>
        {interval === null ? "—" : formatNumber(interval.estimate, 3)}
      </span>
      <span className="block text-xs text-slate-600">{interval === null ? "needs 2 scored answers" : formatInterval(interval, 3)}</span>
      <span className="block text-xs text-indigo-700">{props.anchor}</span>
      <span className="block text-xs text-slate-500">
        {props.basis}; {props.better}
      </span>
    </Card>
  );
}

function ShareCard(props: { testId: string; label: string; value: number | null; basis: string; tone?: "warn" | "plain" }) {
  return (
    <Card testId={props.testId} label={props.label}>
      <span
        className={`text-2xl font-semibold tabular-nums ${props.tone === "warn" ? "text-rose-700" : ""}`}
        data-testid={`${props.testId}-value`}
      >
        {formatPercent(props.value)}
      </span>
      <span className="block text-xs text-slate-500">{props.basis}</span>
    </Card>
  );
}
