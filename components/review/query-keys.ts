/** TanStack Query keys for review, one factory, so invalidation is never a guess. */
export const reviewKeys = {
  all: ["review"] as const,
  queues: () => [...reviewKeys.all, "queues"] as const,
  queue: (queueId: number) => [...reviewKeys.all, "queue", queueId] as const,
  items: (queueId: number) => [...reviewKeys.queue(queueId), "items"] as const,
  item: (queueId: number, itemId: number) => [...reviewKeys.queue(queueId), "item", itemId] as const,
  history: (queueId: number) => [...reviewKeys.queue(queueId), "history"] as const,
  metrics: (queueId: number) => [...reviewKeys.queue(queueId), "metrics"] as const,
  adjudications: (queueId: number) => [...reviewKeys.queue(queueId), "adjudications"] as const,
  progress: (queueId: number) => [...reviewKeys.queue(queueId), "progress"] as const,
  runMetrics: (runId: number) => [...reviewKeys.all, "run", runId, "metrics"] as const,
  cycles: () => [...reviewKeys.all, "cycles"] as const,
  people: () => [...reviewKeys.all, "people"] as const,
};
