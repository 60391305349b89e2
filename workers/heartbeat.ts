import os from "node:os";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { HEARTBEAT_INTERVAL_MS } from "@/lib/ops/heartbeat-interval";

/** The worker's row in WorkerHeartbeat, beaten every few seconds so the web app can show who is alive. */
export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private jobsDone = 0;
  private currentJob: string | null = null;

  constructor(
    private readonly db: PrismaClient,
    readonly workerId: string,
    private readonly queueNames: string[],
  ) {}

  async start(): Promise<void> {
    await this.db.workerHeartbeat.upsert({
      where: { id: this.workerId },
      create: { id: this.workerId, hostname: os.hostname(), pid: process.pid, queues: this.queueNames },
      update: { status: "running", lastBeatAt: new Date() },
    });
    this.timer = setInterval(() => void this.beat().catch(() => {}), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  jobStarted(description: string): void {
    this.currentJob = description;
  }

  jobFinished(): void {
    this.jobsDone += 1;
    this.currentJob = null;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.beat("stopped");
  }

  private async beat(status = "running"): Promise<void> {
    await this.db.workerHeartbeat.update({
      where: { id: this.workerId },
      data: { status, lastBeatAt: new Date(), jobsDone: this.jobsDone, currentJob: this.currentJob },
    });
  }
}
