import { prisma } from "@/lib/db/prisma";
import { WORKER_STALE_MS } from "@/lib/ops/heartbeat-interval";

export interface WorkerStatus {
  id: string;
  hostname: string;
  pid: number;
  alive: boolean;
  jobsDone: number;
  currentJob: string | null;
  lastBeatAt: Date;
}

/** Workers seen in the last hour; alive when their last beat is recent and they did not stop. */
export async function listWorkers(now = new Date()): Promise<WorkerStatus[]> {
  const rows = await prisma().workerHeartbeat.findMany({
    where: { lastBeatAt: { gte: new Date(now.getTime() - 3_600_000) } },
    orderBy: { lastBeatAt: "desc" },
    select: { id: true, hostname: true, pid: true, status: true, jobsDone: true, currentJob: true, lastBeatAt: true },
  });
  return rows.map(({ status, ...row }) => ({
    ...row,
    alive: status === "running" && now.getTime() - row.lastBeatAt.getTime() < WORKER_STALE_MS,
  }));
}
