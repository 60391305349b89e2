import type PgBoss from "pg-boss";
import type { Logger } from "@/lib/log";

type JobHandler = (jobs: PgBoss.Job<unknown>[]) => Promise<unknown>;

/**
 * A pg-boss handler that logs every job it fails, with its queue, id and error, before pg-boss
 * records the failure (and retries it when the queue allows).
 */
export function logFailedJobs(logger: Logger, handle: JobHandler): JobHandler {
  return async (jobs) => {
    try {
      return await handle(jobs);
    } catch (error) {
      for (const job of jobs) logger.error("Job failed", { queue: job.name, jobId: job.id, error });
      throw error;
    }
  };
}
