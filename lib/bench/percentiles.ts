import { quantileSorted } from "simple-statistics";

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Latency percentiles (ms) of a set of samples. */
export function summarize(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error("summarize: no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    n: sorted.length,
    p50: round(quantileSorted(sorted, 0.5)),
    p95: round(quantileSorted(sorted, 0.95)),
    p99: round(quantileSorted(sorted, 0.99)),
    max: round(sorted[sorted.length - 1]!),
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}
