import type { PayloadOf, QueueKey } from "@/lib/jobs/queues";

export interface HandlerContext {
  workerId: string;
  /** The pg-boss job being handled. */
  jobId: string;
  /** Aborted when the worker is asked to stop; long handlers check it between batches. */
  signal: AbortSignal;
}

type Handler<Key extends QueueKey> = (payload: PayloadOf<Key>, context: HandlerContext) => Promise<unknown>;
type AbandonedHandler<Key extends QueueKey> = (payload: PayloadOf<Key>, reason: string) => Promise<void>;

export interface Registration {
  queue: QueueKey;
  handle: (payload: unknown, context: HandlerContext) => Promise<unknown>;
  /** How many of these jobs one worker process runs at once. */
  concurrency: number;
  /**
   * Called when a job of this queue is failed for good because the workers running it kept dying
   * (lib/jobs/orphaned-jobs): whatever says "running" for it must say it failed.
   */
  abandoned?: (payload: unknown, reason: string) => Promise<void>;
}

export function register<Key extends QueueKey>(
  queue: Key,
  handle: Handler<Key>,
  concurrency = 1,
  options: { abandoned?: AbandonedHandler<Key> } = {},
): Registration {
  // The worker validates each payload against the queue's schema before calling the handler.
  return { queue, handle: handle as Registration["handle"], concurrency, abandoned: options.abandoned as Registration["abandoned"] };
}
