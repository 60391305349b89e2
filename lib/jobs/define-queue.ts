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
}

export function defineQueue<Payload extends z.ZodType>(definition: QueueDefinition<Payload>): QueueDefinition<Payload> {
  return definition;
}
