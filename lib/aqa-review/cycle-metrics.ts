import { evaluateAqa, type FINEDIVING_PUBLISHED_ANCHORS, type BootstrapInterval, type BootstrapOptions } from "@/lib/aqa";
import { evaluationItem, type DiveFigures } from "./dive-figures";

/** A bootstrap interval in JSON-safe form: undefined values (no spread, too few resamples) are null. */
export interface MetricInterval {
  estimate: number | null;
  low: number | null;
  high: number | null;
  confidence: number;
  resamples: number;
  used: number;
}

/** Every AQA figure of one cycle (lib/aqa `evaluateAqa` over its dives), with the counts behind them. */
export interface CycleMetrics {
  dives: number;
  /** Dives answered by a simulated backend: when above 0, every figure here is (partly) simulated. */
  simulated: number;
  /** Answers stating a final score: ρ and relative L2 are over these. */
  scored: number;
  spearman: MetricInterval | null;
  relativeL2x100: MetricInterval | null;
  /** Why ρ or relative L2 is null (lib/aqa's one rule for them), null when computed. */
  unavailable: { spearman: string | null; relativeL2x100: string | null };
  difficultyAccuracy: number | null;
  /** Answers whose question asks for the difficulty (the accuracy's denominator). */
  difficultyAsked: number;
  sequenceAccuracy: number | null;
  sequenceAsked: number;
  arithmeticErrorShare: number | null;
  /** Answers with at least one arithmetic flag. */
  arithmeticFlagged: number;
  /** Ground-truth records whose recorded score disagrees with their judges. */
  recordWarnings: number;
  anchors: typeof FINEDIVING_PUBLISHED_ANCHORS;
}

export const DEFAULT_METRIC_BOOTSTRAP: Required<Pick<BootstrapOptions, "resamples" | "seed">> = { resamples: 1000, seed: 0 };

export function cycleMetrics(figures: readonly DiveFigures[], options: BootstrapOptions = DEFAULT_METRIC_BOOTSTRAP): CycleMetrics {
  const report = evaluateAqa(figures.map(evaluationItem), options);
  return {
    dives: report.items,
    simulated: figures.filter((f) => f.simulated).length,
    scored: report.scored,
    spearman: jsonSafe(report.spearman),
    relativeL2x100: jsonSafe(report.relativeL2x100),
    unavailable: report.unavailable,
    difficultyAccuracy: report.difficultyAccuracy,
    difficultyAsked: figures.filter((f) => f.difficultyAsked).length,
    sequenceAccuracy: report.sequenceAccuracy,
    sequenceAsked: figures.filter((f) => f.sequenceAsked).length,
    arithmeticErrorShare: report.arithmeticErrorShare,
    arithmeticFlagged: figures.filter((f) => f.arithmeticFlags.length > 0).length,
    recordWarnings: figures.filter((f) => f.recordWarning !== null).length,
    anchors: report.anchors,
  };
}

function jsonSafe(interval: BootstrapInterval | null): MetricInterval | null {
  if (interval === null) return null;
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    estimate: finite(interval.estimate),
    low: finite(interval.low),
    high: finite(interval.high),
    confidence: interval.confidence,
    resamples: interval.resamples,
    used: interval.used,
  };
}
