import os from "node:os";
import { beatWorker, registerWorker } from "@/lib/ops/heartbeat-repository";
import { HEARTBEAT_INTERVAL_MS } from "@/lib/ops/heartbeat-interval";

/**
 * The worker's row in WorkerHeartbeat, beaten every few seconds: the web app shows who is alive,
 * and the jobs a worker had in hand are handed to another one when its beats stop (the workers'
 * sweep, lib/jobs/orphaned-jobs; the cycle engine for its batches).
 */
export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private jobsDone = 0;
  private currentJob: string | null = null;
  private readonly inHand = new Set<string>();
  private consecutiveBeats = 0;

  constructor(
    readonly workerId: string,
    private readonly queueNames: string[],
    /** Called after each beat that reached the database, with how many in a row did. */
    private readonly afterBeat: (consecutiveBeats: number) => Promise<void> = async () => {},
  ) {}

  async start(): Promise<void> {
    await registerWorker({ id: this.workerId, hostname: os.hostname(), pid: process.pid, queues: this.queueNames });
    this.consecutiveBeats = 1;
    this.timer = setInterval(() => void this.tick(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  jobStarted(jobId: string, description: string): void {
    this.inHand.add(jobId);
    this.currentJob = description;
  }

  jobFinished(jobId: string): void {
    this.inHand.delete(jobId);
    this.jobsDone += 1;
    this.currentJob = null;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.beat("stopped");
  }

  private async tick(): Promise<void> {
    try {
      await this.beat("running");
      this.consecutiveBeats += 1;
    } catch {
      // The database is unreachable for a while; the next beat tries again.
      this.consecutiveBeats = 0;
      return;
    }
    await this.afterBeat(this.consecutiveBeats).catch(() => {});
  }

  private async beat(status: "running" | "stopped"): Promise<void> {
    await beatWorker(this.workerId, {
      status,
      jobsDone: this.jobsDone,
      currentJob: this.currentJob,
      jobIds: status === "running" ? [...this.inHand] : [],
    });
  }
}
