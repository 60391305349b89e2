export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * "Full jitter" exponential back-off: a uniform delay in [0, min(max, base · 2^(retry-1))).
 * `retry` counts from 1 (the wait before the second attempt).
 */
export function fullJitterDelay(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
