import type { z } from "zod";

/**
 * A job kind: its pg-boss queue, the payload it carries (validated on both ends) and its retry
 * policy. Delivery is at-least-once, so every handler must be idempotent.
 */
export interface QueueDefinition<Payload extends z.ZodType> {
  name: string;
  payload: Payload;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
  /**
   * Who hands a job out again when the worker running it dies: the workers' sweep
   * (lib/jobs/orphaned-jobs, within seconds of the worker's last heartbeat, as one of the job's
   * retries), or the cycle engine, which re-sends its batches itself. Default: the sweep.
   */
  takeOver?: "sweep" | "engine";
}

export function defineQueue<Payload extends z.ZodType>(definition: QueueDefinition<Payload>): QueueDefinition<Payload> {
  return definition;
}
