import { prisma } from "@/lib/db/prisma";
import { asJson } from "./json";

export type TrainingRunStatus = "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

export interface TrainingRunRow {
  id: number;
  attempt: number;
  status: TrainingRunStatus;
  backendId: number | null;
  backendJobId: string | null;
  config: unknown;
  exportId: number | null;
  logTail: string | null;
  error: string | null;
}

const select = {
  id: true,
  attempt: true,
  status: true,
  backendId: true,
  backendJobId: true,
  config: true,
  exportId: true,
  logTail: true,
  error: true,
} as const;

export async function latestTrainingRun(cycleId: number): Promise<TrainingRunRow | null> {
  return prisma().trainingRun.findFirst({ where: { cycleId }, orderBy: { attempt: "desc" }, select });
}

export async function trainingRunOf(cycleId: number, attempt: number): Promise<TrainingRunRow | null> {
  return prisma().trainingRun.findUnique({ where: { cycleId_attempt: { cycleId, attempt } }, select });
}

export async function ensureTrainingRun(input: {
  cycleId: number;
  attempt: number;
  backendId: number;
  exportId: number;
  config: Record<string, unknown>;
}): Promise<TrainingRunRow> {
  return prisma().trainingRun.upsert({
    where: { cycleId_attempt: { cycleId: input.cycleId, attempt: input.attempt } },
    create: {
      cycleId: input.cycleId,
      attempt: input.attempt,
      backendId: input.backendId,
      exportId: input.exportId,
      config: asJson(input.config),
    },
    update: {},
    select,
  });
}

export async function updateTrainingRun(
  id: number,
  data: {
    status?: TrainingRunStatus;
    backendJobId?: string;
    logsPointer?: string;
    logTail?: string;
    error?: string | null;
    resultCheckpointId?: number;
    startedAt?: Date;
    finishedAt?: Date;
  },
): Promise<void> {
  await prisma().trainingRun.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: { id: true } });
}
