import { z } from "zod";

/**
 * Every job kind: its pg-boss queue, the payload it carries (validated on both ends) and its retry
 * policy. Delivery is at-least-once, so every handler must be idempotent.
 */
export interface QueueDefinition<Payload extends z.ZodType> {
  name: string;
  payload: Payload;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
}

function defineQueue<Payload extends z.ZodType>(definition: QueueDefinition<Payload>): QueueDefinition<Payload> {
  return definition;
}

export const queues = {
  /** Proves a worker is alive end to end: the handler echoes the token back as the job's output. */
  ping: defineQueue({
    name: "system-ping",
    payload: z.object({ token: z.string().min(1).max(200) }),
    retryLimit: 0,
    retryDelaySeconds: 0,
    expireInSeconds: 60,
  }),
} as const;

export type QueueKey = keyof typeof queues;
export type PayloadOf<Key extends QueueKey> = z.infer<(typeof queues)[Key]["payload"]>;
