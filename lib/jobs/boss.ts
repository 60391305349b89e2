import PgBoss from "pg-boss";
import { queues, type PayloadOf, type QueueKey } from "./queues";

const BOSS_SCHEMA = "pgboss";

/** A started pg-boss on the product's database, with every queue of `queues` created. */
export async function startBoss(databaseUrl: string, options: { supervise?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: BOSS_SCHEMA,
    max: 4,
    supervise: options.supervise ?? false,
    schedule: false,
  });
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  await boss.start();
  for (const queue of Object.values(queues)) {
    await boss.createQueue(queue.name, {
      name: queue.name,
      retryLimit: queue.retryLimit,
      retryDelay: queue.retryDelaySeconds,
      retryBackoff: queue.retryDelaySeconds > 0,
      expireInSeconds: queue.expireInSeconds,
    });
  }
  return boss;
}

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
