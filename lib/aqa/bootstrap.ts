import { quantile } from "simple-statistics";
import { mulberry32 } from "@/lib/random/seeded-random";

/** A seeded generator of floats in [0, 1): same seed, same resamples. */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed).next;
}

export interface BootstrapOptions {
  /** Default 1000. */
  resamples?: number;
  /** Default 0. */
  seed?: number;
  /** Default 0.95. */
  confidence?: number;
}

export interface BootstrapInterval {
  /** The metric on the full sample. */
  estimate: number;
  /** Percentile interval bounds (numpy's linear quantile); NaN when fewer than 2 resamples were usable. */
  low: number;
  high: number;
  confidence: number;
  resamples: number;
  /** Resamples where the metric was defined (a resample of all-tied scores has no ρ). */
  used: number;
  seed: number;
}

const DEFAULT_BOOTSTRAP_RESAMPLES = 1000;

/**
 * Paired percentile bootstrap: resample (prediction, truth) pairs with replacement, recompute the
 * metric, and take the (1 − confidence)/2 and (1 + confidence)/2 quantiles. Seeded, so reproducible.
 */
export function pairedBootstrap(
  metric: (predicted: number[], truth: number[]) => number,
  predicted: readonly number[],
  truth: readonly number[],
  options: BootstrapOptions = {},
): BootstrapInterval {
  const resamples = options.resamples ?? DEFAULT_BOOTSTRAP_RESAMPLES;
  const seed = options.seed ?? 0;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`bootstrap: resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`bootstrap: confidence must be in (0, 1), got ${confidence}`);
  const estimate = metric([...predicted], [...truth]);
  const random = seededRandom(seed);
  const n = predicted.length;
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const p: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n);
      p.push(predicted[pick] ?? Number.NaN);
      t.push(truth[pick] ?? Number.NaN);
    }
    const value = definedOrNaN(() => metric(p, t));
    if (Number.isFinite(value)) values.push(value);
  }
  const tail = (1 - confidence) / 2;
  const [low, high] = values.length >= 2 ? [quantile(values, tail), quantile(values, 1 - tail)] : [Number.NaN, Number.NaN];
  return { estimate, low, high, confidence, resamples, used: values.length, seed };
}

function definedOrNaN(compute: () => number): number {
  try {
    return compute();
  } catch {
    return Number.NaN; // a degenerate resample (e.g. all true scores equal) has no value; it is skipped
  }
}
