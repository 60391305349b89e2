import { sampleRankCorrelation } from "simple-statistics";
import { sameDifficulty } from "./difficulty-table";
import { canonicalSubActionName } from "./sub-action-vocabulary";

/**
 * FineDiving's official metrics: Spearman's ρ between predicted and true scores (ties get averaged
 * ranks, as scipy.stats.spearmanr), and relative L2 = mean(((pred − true) / (max true − min true))²),
 * which the runner reports × 100.
 */
const RELATIVE_L2_REPORT_SCALE = 100;

function assertPaired(predicted: readonly number[], truth: readonly number[], metric: string): void {
  if (predicted.length !== truth.length) {
    throw new RangeError(`${metric}: ${predicted.length} predictions for ${truth.length} true scores`);
  }
  if (predicted.length < 2) throw new RangeError(`${metric}: needs at least 2 pairs, got ${predicted.length}`);
  const bad = [...predicted, ...truth].findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`${metric}: value ${bad} is not a finite number`);
}

/** Spearman's ρ; NaN when either side has no spread (all values tied). */
export function spearmanRho(predicted: readonly number[], truth: readonly number[]): number {
  assertPaired(predicted, truth, "Spearman ρ");
  return sampleRankCorrelation(predicted, truth);
}

/** Relative L2, unscaled (multiply by RELATIVE_L2_REPORT_SCALE to report as FineDiving does). */
export function relativeL2(predicted: readonly number[], truth: readonly number[]): number {
  assertPaired(predicted, truth, "relative L2");
  const range = Math.max(...truth) - Math.min(...truth);
  if (range === 0) throw new RangeError("relative L2: the true scores have no range (max = min)");
  const total = predicted.reduce((sum, p, i) => sum + ((p - (truth[i] ?? 0)) / range) ** 2, 0);
  return total / predicted.length;
}

export function relativeL2Reported(predicted: readonly number[], truth: readonly number[]): number {
  return relativeL2(predicted, truth) * RELATIVE_L2_REPORT_SCALE;
}

/** Share of items whose predicted difficulty is within 0.05 of the truth; a missing prediction is wrong. */
export function difficultyAccuracy(pairs: ReadonlyArray<{ predicted: number | null; truth: number }>): number {
  return share(pairs, ({ predicted, truth }) => predicted !== null && sameDifficulty(predicted, truth));
}

/** Share of items whose sub-action list matches exactly (names compared in dataset spelling). */
export function sequenceAccuracy(pairs: ReadonlyArray<{ predicted: readonly string[] | null; truth: readonly string[] }>): number {
  return share(pairs, ({ predicted, truth }) => predicted !== null && sameSequence(predicted, truth));
}

export function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => canonicalSubActionName(name) === canonicalSubActionName(b[i] ?? ""));
}

/** Share of rationales with at least one arithmetic flag. */
export function arithmeticErrorShare(reports: ReadonlyArray<{ flags: readonly unknown[] }>): number {
  return share(reports, (r) => r.flags.length > 0);
}

function share<T>(items: readonly T[], hit: (item: T) => boolean): number {
  if (items.length === 0) throw new RangeError("cannot take a share of no items");
  return items.filter(hit).length / items.length;
}
