import { randomBytes } from "node:crypto";
import os from "node:os";
import type PgBoss from "pg-boss";
import { takeOverOrphanedJobs } from "@/lib/jobs/orphaned-jobs";
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

/**
 * Beats in a row that must have reached the database before this worker judges others by theirs:
 * after an outage every worker's last beat is old until it beats again.
 */
const BEATS_BEFORE_SWEEPING = 2;

export async function startWorker(databaseUrl: string): Promise<RunningWorker> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const logger = log.child({ component: "worker", workerId: id });
  // The one pg-boss of this process: it takes the jobs, and the handlers send theirs through it.
  const boss = await processBoss({ databaseUrl, supervise: true });
  const heartbeat = new Heartbeat(
    id,
    registrations.map((r) => queues[r.queue].name),
    async (beats) => {
      if (beats < BEATS_BEFORE_SWEEPING) return;
      await sweepOrphanedJobs(boss, logger).catch((error: unknown) => logger.warn("Could not sweep the jobs of dead workers", { error }));
    },
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

/** Queues whose jobs the sweep takes over from dead workers (the cycle engine re-sends its batches itself). */
const SWEPT = registrations.filter((r) => (queues[r.queue].takeOver ?? "sweep") === "sweep");

/** Hands the jobs of dead workers to the living (this one included), and says so. */
async function sweepOrphanedJobs(boss: PgBoss, logger: Logger): Promise<void> {
  const orphans = await takeOverOrphanedJobs(
    boss,
    SWEPT.map((r) => queues[r.queue].name),
  );
  for (const orphan of orphans) {
    const registration = SWEPT.find((r) => queues[r.queue].name === orphan.queue);
    if (orphan.retried) {
      logger.warn("Took over a job whose worker stopped beating", { queue: orphan.queue, jobId: orphan.id });
      continue;
    }
    logger.error("Gave up a job whose workers kept stopping", { queue: orphan.queue, jobId: orphan.id });
    const payload = registration ? queues[registration.queue].payload.safeParse(orphan.data) : undefined;
    if (registration?.abandoned && payload?.success) {
      await registration.abandoned(
        payload.data,
        "the workers running it stopped beating their heartbeat (crashed or killed) on every attempt",
      );
    }
  }
}
