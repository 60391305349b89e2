import PgBoss from "pg-boss";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { log } from "@/lib/log";
import { queues } from "./queues";

/** The PostgreSQL schema pg-boss keeps its tables in (`pgboss.job`, `pgboss.queue`): the cycle engine and the jobs view read them. */
export const BOSS_SCHEMA = "pgboss";

interface Started {
  boss: Promise<PgBoss>;
  supervise: boolean;
}

// On globalThis so that Next.js dev reloads of this module find the instance already started.
const holder = globalThis as unknown as { vstarProcessBoss?: Started };

/**
 * This process's one pg-boss, started on first use: everything that sends jobs (the web app, the
 * CLIs, the worker's handlers) shares it, and in a worker process it is also the instance that
 * takes jobs. A worker asks for it first, with `supervise` (pg-boss's maintenance) on.
 */
export function processBoss(options: { databaseUrl?: string; supervise?: boolean } = {}): Promise<PgBoss> {
  const supervise = options.supervise ?? false;
  const current = holder.vstarProcessBoss;
  if (current) {
    if (supervise && !current.supervise) {
      throw new Error("This process's pg-boss was started for sending only; start the worker before anything sends jobs");
    }
    return current.boss;
  }
  const started: Started = { boss: startBoss(options.databaseUrl ?? requireDatabaseUrl(), supervise), supervise };
  holder.vstarProcessBoss = started;
  started.boss.catch(() => {
    // A failed start is not kept: the next call tries again.
    if (holder.vstarProcessBoss === started) holder.vstarProcessBoss = undefined;
  });
  return started.boss;
}

/**
 * Stops this process's pg-boss, if it was started: once, at shutdown. Until it has stopped, jobs
 * still finishing can send through it; afterwards processBoss() would start a new one.
 */
export async function stopProcessBoss(options: PgBoss.StopOptions = { graceful: false, wait: true }): Promise<void> {
  const current = holder.vstarProcessBoss;
  if (!current) return;
  const boss = await current.boss.catch(() => null);
  try {
    await boss?.stop(options);
  } finally {
    if (holder.vstarProcessBoss === current) holder.vstarProcessBoss = undefined;
  }
}

/** A started pg-boss on the product's database, with every queue of `queues` created. */
async function startBoss(databaseUrl: string, supervise: boolean): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: BOSS_SCHEMA,
    max: 4,
    supervise,
    schedule: false,
  });
  boss.on("error", (error) => log.error("pg-boss error", { component: "jobs", error }));
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
