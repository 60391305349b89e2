import type PgBoss from "pg-boss";
import { queues, type PayloadOf, type QueueKey } from "./queues";

/** Sends a job after validating its payload; returns the job id (null when a singleton already exists). */
export async function sendJob<Key extends QueueKey>(
  boss: PgBoss,
  key: Key,
  payload: PayloadOf<Key>,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const queue = queues[key];
  return boss.send(queue.name, queue.payload.parse(payload) as object, options);
}
