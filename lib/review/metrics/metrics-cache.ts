/**
 * A short-lived, per-process memo of a queue's metrics, so several people watching the live page
 * share one computation. Submitting or releasing an item drops the queue's entry at once.
 */
const CACHE_MS = 2_000;
const entries = new Map<number, { at: number; value: Promise<unknown> }>();

export function memoizedQueueMetrics<T>(queueId: number, compute: () => Promise<T>, fresh = false): Promise<T> {
  const cached = entries.get(queueId);
  if (!fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.value as Promise<T>;
  const value = compute();
  entries.set(queueId, { at: Date.now(), value });
  value.catch(() => entries.delete(queueId));
  return value;
}

export function invalidateQueueMetrics(queueId: number): void {
  entries.delete(queueId);
}
