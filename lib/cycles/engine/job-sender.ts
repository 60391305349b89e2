import type PgBoss from "pg-boss";
import { processBoss } from "@/lib/jobs/process-boss";
import type { Db } from "@/lib/db/transaction";
import { queues, type QueueKey } from "@/lib/jobs/queues";
import type { DueBatch } from "../db/batch-repository";
import type { Queryable } from "../db/queryable";
import type { Stage } from "../state-machine";

/** How the engine hands work to workers. */
export interface JobSender {
  /**
   * Sends the batches' jobs under the ids the batches were marked with, through `within` (the open
   * transaction that marked them), and cancels the jobs they were sent with before.
   */
  sendBatches(stage: Stage, batches: readonly DueBatch[], within: Queryable): Promise<void>;
  /** The cycle's next look, after `delaySeconds`; at most one per `slotSeconds` per cycle is kept. */
  sendTick(cycleId: number, options: { delaySeconds: number; slotSeconds: number }): Promise<void>;
  sendExport(exportId: number): Promise<void>;
  /** Hands a run's end to the webhook queue, in `within` (the transaction that ended the run). */
  sendWebhook(notificationId: number, within: Db): Promise<void>;
}

const QUEUE_OF_STAGE: Readonly<Record<Stage, QueueKey>> = {
  GENERATE: "cycleGenerate",
  VERIFY: "cycleVerify",
  RATIONALIZE: "cycleRationalize",
  CURATE: "cycleCurate",
  EXPORT: "cycleExport",
  TRAIN: "cycleTrain",
  EVALUATE: "cycleEvaluate",
};

/** The pg-boss queue a stage's batch jobs go to. */
export function batchQueueName(stage: Stage): string {
  return queues[QUEUE_OF_STAGE[stage]].name;
}

/**
 * Sends through pg-boss. Ticks are debounced per cycle (pg-boss singleton slots): whoever asks —
 * the tick itself, a finished batch, the CLI waiting — at most one tick per slot exists, and a
 * request always leaves one in the current or the next slot, so the chain never breaks or multiplies.
 */
class PgBossJobSender implements JobSender {
  constructor(private readonly boss: PgBoss) {}

  async sendBatches(stage: Stage, batches: readonly DueBatch[], within: Queryable): Promise<void> {
    if (batches.length === 0) return;
    const queue = queues[QUEUE_OF_STAGE[stage]];
    // pg-boss runs its statements on the connection it is given: the caller's transaction.
    const db = { executeSql: (text: string, values?: unknown[]) => within.query(text, values) };
    await this.boss.insert(
      batches.map((batch) => ({
        id: batch.jobId,
        name: queue.name,
        data: queue.payload.parse({ batchId: batch.id }) as object,
        // Sent again (its worker died, or items wait to be retried): ahead of batches not begun yet.
        priority: batch.previousJobId ? 1 : 0,
      })),
      { db },
    );
    const previous = batches.flatMap((batch) => (batch.previousJobId ? [batch.previousJobId] : []));
    // A job a dead or stuck worker still holds (or one still queued) is of no more use.
    if (previous.length > 0) await this.boss.cancel(queue.name, previous, { db });
  }

  async sendTick(cycleId: number, options: { delaySeconds: number; slotSeconds: number }): Promise<void> {
    const queue = queues.cycleTick;
    const data = queue.payload.parse({ cycleId });
    await this.boss.sendDebounced(
      queue.name,
      data,
      options.delaySeconds > 0 ? { startAfter: options.delaySeconds } : {},
      options.slotSeconds,
      `cycle-${cycleId}`,
    );
  }

  async sendExport(exportId: number): Promise<void> {
    const queue = queues.cycleExport;
    await this.boss.send(queue.name, queue.payload.parse({ exportId }) as object);
  }

  async sendWebhook(notificationId: number, within: Db): Promise<void> {
    const queue = queues.notifyWebhook;
    // pg-boss runs its insert on the Prisma transaction's connection (its queue's retry policy applies).
    const db = {
      executeSql: async (text: string, values: unknown[] = []) => ({
        rows: await within.$queryRawUnsafe<{ id: string }[]>(text, ...values.map((value) => value ?? null)),
      }),
    };
    await this.boss.insert([{ name: queue.name, data: queue.payload.parse({ notificationId }) }], { db });
  }
}

/** Sends through this process's one pg-boss (lib/jobs/process-boss), started on first use. */
export async function jobSender(): Promise<JobSender> {
  return new PgBossJobSender(await processBoss());
}
