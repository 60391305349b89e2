import type { CycleMetrics, MetricInterval } from "@/lib/aqa-review/cycle-metrics";
import { formatNumber, formatPercent } from "@/lib/format/formatters";
import { SimulatedBadge } from "@/components/ui/badge";
import { formatInterval } from "./format";

/** Says, above any figure built on them, how many answers a simulated backend wrote. */
function SimulatedFiguresNote({ simulated, dives }: { simulated: number; dives: number }) {
  if (simulated === 0) return null;
  return (
    <p
      className="flex items-center gap-2 rounded border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900"
      data-testid="simulated-note"
    >
      <SimulatedBadge />
      {simulated === dives ? `All ${dives}` : `${simulated} of ${dives}`} answers come from a simulated backend: these figures measure the
      simulator, not a model.
    </p>
  );
}

/** The cycle's AQA figures, each with what it is computed over; ρ and R-ℓ2 beside the published anchors. */
export function MetricCards({ metrics }: { metrics: CycleMetrics }) {
  const simulated = metrics.simulated > 0;
  return (
    <div className="space-y-2">
      <SimulatedFiguresNote simulated={metrics.simulated} dives={metrics.dives} />
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Cycle metrics">
        <IntervalCard
          testId="metric-spearman"
          label="Spearman ρ"
          interval={metrics.spearman}
          unavailable={metrics.unavailable.spearman}
          simulated={simulated}
          anchor={`published ≈ ${metrics.anchors.spearman}`}
          basis={`${metrics.scored} of ${metrics.dives} answers state a score`}
          better="higher is better"
        />
        <IntervalCard
          testId="metric-relative-l2"
          label="Relative ℓ2 × 100"
          interval={metrics.relativeL2x100}
          unavailable={metrics.unavailable.relativeL2x100}
          simulated={simulated}
          anchor={`published ≈ ${metrics.anchors.relativeL2x100}`}
          basis={`over the same ${metrics.scored} answers`}
          better="lower is better"
        />
        <ShareCard
          testId="metric-difficulty"
          label="Difficulty accuracy"
          value={metrics.difficultyAccuracy}
          basis={`${metrics.difficultyAsked} answers asked for it (±0.05)`}
          simulated={simulated}
        />
        <ShareCard
          testId="metric-sequence"
          label="Sequence accuracy"
          value={metrics.sequenceAccuracy}
          basis={`${metrics.sequenceAsked} answers asked for it (exact order)`}
          simulated={simulated}
        />
        <ShareCard
          testId="metric-arithmetic"
          label="Arithmetic errors"
          value={metrics.arithmeticErrorShare}
          basis={`${metrics.arithmeticFlagged} of ${metrics.dives} rationales flagged`}
          tone={metrics.arithmeticFlagged > 0 ? "warn" : "plain"}
          simulated={simulated}
        />
      </dl>
    </div>
  );
}

function Card({ testId, label, simulated, children }: { testId: string; label: string; simulated: boolean; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 print:break-inside-avoid" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
        {label} {simulated && <SimulatedBadge className="normal-case tracking-normal" />}
      </dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

function IntervalCard(props: {
  testId: string;
  label: string;
  interval: MetricInterval | null;
  unavailable: string | null;
  simulated: boolean;
  anchor: string;
  basis: string;
  better: string;
}) {
  const { interval, unavailable } = props;
  return (
    <Card testId={props.testId} label={props.label} simulated={props.simulated}>
      <span className="text-2xl font-semibold tabular-nums" data-testid={`${props.testId}-value`}>
        {interval === null ? "—" : formatNumber(interval.estimate, 3)}
      </span>
      <span className="block text-xs text-slate-600" data-testid={`${props.testId}-interval`}>
        {interval === null ? (unavailable ?? "not computed") : formatInterval(interval, 3)}
      </span>
      <span className="block text-xs text-indigo-700">{props.anchor}</span>
      <span className="block text-xs text-slate-500">
        {props.basis}; {props.better}
      </span>
    </Card>
  );
}

function ShareCard(props: {
  testId: string;
  label: string;
  value: number | null;
  basis: string;
  simulated: boolean;
  tone?: "warn" | "plain";
}) {
  return (
    <Card testId={props.testId} label={props.label} simulated={props.simulated}>
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
