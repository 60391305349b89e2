import { prisma } from "@/lib/db/prisma";
import { isRecord } from "./json";

export async function listRuns(input: { limit: number; beforeId?: number }) {
  const rows = await prisma().run.findMany({
    where: input.beforeId ? { id: { lt: input.beforeId } } : {},
    orderBy: { id: "desc" },
    take: input.limit,
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      finishedAt: true,
      createdBy: { select: { name: true } },
      cycles: { orderBy: { index: "asc" }, select: { id: true, index: true, status: true, isFinal: true, metrics: true } },
    },
  });
  return rows.map((run) => ({
    id: run.id,
    name: run.name,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    createdBy: run.createdBy?.name ?? null,
    cycles: run.cycles.map((cycle) => ({
      id: cycle.id,
      index: cycle.index,
      status: cycle.status,
      isFinal: cycle.isFinal,
      answerYield: isRecord(cycle.metrics) && typeof cycle.metrics.answerYield === "number" ? cycle.metrics.answerYield : null,
    })),
  }));
}

export async function runWithCycles(runId: number) {
  return prisma().run.findUnique({
    where: { id: runId },
    select: {
      id: true,
      name: true,
      status: true,
      config: true,
      createdAt: true,
      finishedAt: true,
      cycles: {
        orderBy: { index: "asc" },
        select: {
          id: true,
          index: true,
          status: true,
          isFinal: true,
          error: true,
          metrics: true,
          cancelRequestedAt: true,
          startedAt: true,
          finishedAt: true,
          inputCheckpoint: { select: { servedName: true } },
          outputCheckpoint: { select: { servedName: true } },
          trainingRuns: {
            orderBy: { attempt: "desc" },
            take: 1,
            select: { attempt: true, status: true, backendJobId: true, logTail: true, error: true },
          },
          evaluations: {
            orderBy: { datasetId: "asc" },
            select: { datasetId: true, total: true, correct: true, accuracy: true, metrics: true, dataset: { select: { name: true } } },
          },
          exports: { orderBy: { id: "asc" }, select: { id: true, format: true, status: true, rowCount: true, storagePath: true } },
        },
      },
    },
  });
}
