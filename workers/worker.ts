import { randomBytes } from "node:crypto";
import os from "node:os";
import type PgBoss from "pg-boss";
import { processBoss, stopProcessBoss } from "@/lib/jobs/process-boss";
import { queues } from "@/lib/jobs/queues";
import { type Logger, log } from "@/lib/log";
import { Heartbeat } from "./heartbeat";
import { logFailedJobs } from "./log-failed-jobs";
import { registrations, type Registration } from "./registry";

export interface RunningWorker {
  id: string;
  /** Stops taking jobs, lets the jobs in hand finish (up to `graceMs`), then fails them so they are retried. */
  stop(graceMs?: number): Promise<void>;
}

export async function startWorker(databaseUrl: string): Promise<RunningWorker> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const logger = log.child({ component: "worker", workerId: id });
  // The one pg-boss of this process: it takes the jobs, and the handlers send theirs through it.
  const boss = await processBoss({ databaseUrl, supervise: true });
  const heartbeat = new Heartbeat(
    id,
    registrations.map((r) => queues[r.queue].name),
  );
  await heartbeat.start();
  const stopping = new AbortController();

  for (const registration of registrations) {
    await subscribe(boss, registration, { workerId: id, signal: stopping.signal }, heartbeat, logger);
  }
  logger.info("Taking jobs", { queues: registrations.map((r) => queues[r.queue].name) });

  return {
    id,
    async stop(graceMs = 30_000) {
      stopping.abort();
      await stopProcessBoss({ graceful: true, timeout: graceMs, wait: true });
      await heartbeat.stop().catch(() => {});
      logger.info("Stopped");
    },
  };
}

async function subscribe(
  boss: PgBoss,
  registration: Registration,
  context: { workerId: string; signal: AbortSignal },
  heartbeat: Heartbeat,
  logger: Logger,
): Promise<void> {
  const queue = queues[registration.queue];
  const handleJob = logFailedJobs(logger, async ([job]: PgBoss.Job<unknown>[]) => {
    if (!job) return undefined;
    heartbeat.jobStarted(job.id, `${queue.name}:${job.id}`);
    try {
      const payload = queue.payload.safeParse(job.data);
      if (!payload.success) {
        throw new Error(`Job ${job.id} on ${queue.name} has an invalid payload: ${payload.error.message}`);
      }
      return await registration.handle(payload.data, { ...context, jobId: job.id });
    } finally {
      heartbeat.jobFinished(job.id);
    }
  });
  // pg-boss 10 hands each `work` subscription one batch at a time; parallel subscriptions give concurrency.
  for (let slot = 0; slot < registration.concurrency; slot += 1) {
    await boss.work(queue.name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, handleJob);
  }
}
