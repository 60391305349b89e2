import { normalQuantile } from "./normal-quantile";

export interface Proportion {
  /** Successes (e.g. answers judged hallucinated). */
  count: number;
  /** Trials (e.g. answers judged). */
  n: number;
  /** count / n, or null when n is 0. */
  rate: number | null;
  /** Wilson score interval bounds, or null when n is 0. */
  low: number | null;
  high: number | null;
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3): unlike
 * the normal approximation it stays inside [0, 1] and behaves at 0 and n, which matters for small
 * review samples. `confidence` defaults to 0.95.
 */
export function wilsonInterval(count: number, n: number, confidence = 0.95): Proportion {
  if (!Number.isInteger(count) || !Number.isInteger(n) || count < 0 || n < 0 || count > n) {
    throw new RangeError(`wilsonInterval: need integers 0 <= count <= n, got count=${count}, n=${n}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`wilsonInterval: confidence must be in (0, 1), got ${confidence}`);
  if (n === 0) return { count, n, rate: null, low: null, high: null };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { count, n, rate: p, low: Math.max(0, center - half), high: Math.min(1, center + half) };
}
