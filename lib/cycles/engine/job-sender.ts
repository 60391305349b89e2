import type PgBoss from "pg-boss";
import { processBoss } from "@/lib/jobs/process-boss";
import { queues, type QueueKey } from "@/lib/jobs/queues";
import type { Stage } from "../state-machine";

/** How the engine hands work to workers. */
export interface JobSender {
  sendBatch(stage: Stage, batchId: number): Promise<void>;
  /** The cycle's next look, after `delaySeconds`; at most one per `slotSeconds` per cycle is kept. */
  sendTick(cycleId: number, options: { delaySeconds: number; slotSeconds: number }): Promise<void>;
  sendExport(exportId: number): Promise<void>;
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

/**
 * Sends through pg-boss. Ticks are debounced per cycle (pg-boss singleton slots): whoever asks —
 * the tick itself, a finished batch, the CLI waiting — at most one tick per slot exists, and a
 * request always leaves one in the current or the next slot, so the chain never breaks or multiplies.
 */
class PgBossJobSender implements JobSender {
  constructor(private readonly boss: PgBoss) {}

  async sendBatch(stage: Stage, batchId: number): Promise<void> {
    const queue = queues[QUEUE_OF_STAGE[stage]];
    await this.boss.send(queue.name, queue.payload.parse({ batchId }) as object);
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
}

/** Sends through this process's one pg-boss (lib/jobs/process-boss), started on first use. */
export async function jobSender(): Promise<JobSender> {
  return new PgBossJobSender(await processBoss());
}
