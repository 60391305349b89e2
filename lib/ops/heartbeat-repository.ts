import { prisma } from "@/lib/db/prisma";

export interface WorkerBeat {
  status: "running" | "stopped";
  jobsDone: number;
  currentJob: string | null;
  /** The pg-boss jobs in hand right now. */
  jobIds: readonly string[];
}

/**
 * A worker's row in WorkerHeartbeat, created (or revived) as it starts. Beats carry the database's
 * clock, not the worker's, so that "how long ago" means the same for every machine that asks.
 */
export async function registerWorker(worker: { id: string; hostname: string; pid: number; queues: string[] }): Promise<void> {
  await prisma().$executeRaw`
    INSERT INTO "WorkerHeartbeat" (id, hostname, pid, queues, status, "startedAt", "lastBeatAt")
    VALUES (${worker.id}, ${worker.hostname}, ${worker.pid}, ${worker.queues}::text[], 'running', now(), now())
    ON CONFLICT (id) DO UPDATE SET status = 'running', "lastBeatAt" = now()`;
}

export async function beatWorker(workerId: string, beat: WorkerBeat): Promise<void> {
  await prisma().$executeRaw`
    UPDATE "WorkerHeartbeat" SET status = ${beat.status}, "lastBeatAt" = now(), "jobsDone" = ${beat.jobsDone},
        "currentJob" = ${beat.currentJob}, "jobIds" = ${[...beat.jobIds]}::uuid[]
      WHERE id = ${workerId}`;
}
