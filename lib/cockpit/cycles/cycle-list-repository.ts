import { prisma } from "@/lib/db/prisma";

export interface CycleSummary {
  id: number;
  runId: number;
  runName: string;
  index: number;
  isFinal: boolean;
  status: string;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** "run name · cycle n", for pickers and chart axes. */
  label: string;
}

/** The most recent cycles (newest run first, cycles in order within a run). */
export async function listCycles(limit = 200): Promise<CycleSummary[]> {
  const rows = await prisma().cycle.findMany({
    orderBy: [{ runId: "desc" }, { index: "asc" }],
    take: limit,
    select: {
      id: true,
      runId: true,
      index: true,
      isFinal: true,
      status: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      run: { select: { name: true } },
    },
  });
  return rows.map(({ run, createdAt, startedAt, finishedAt, ...cycle }) => ({
    ...cycle,
    runName: run.name,
    label: cycleLabel(run.name, cycle.index),
    createdAt: createdAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
  }));
}

export function cycleLabel(runName: string, index: number): string {
  return `${runName} · cycle ${index}`;
}

export async function listDatasetNames(): Promise<{ id: number; name: string }[]> {
  return prisma().dataset.findMany({ where: { pendingImportId: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export interface RunSummary {
  id: number;
  name: string;
  status: string;
  createdAt: string;
  createdBy: string | null;
  cycles: { id: number; index: number; status: string; isFinal: boolean; startedAt: string | null; finishedAt: string | null }[];
}

/** The most recent runs, each with its cycles in order. */
export async function listRuns(limit = 50): Promise<RunSummary[]> {
  const runs = await prisma().run.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      cycles: {
        orderBy: { index: "asc" },
        select: { id: true, index: true, status: true, isFinal: true, startedAt: true, finishedAt: true },
      },
    },
  });
  return runs.map((run) => ({
    id: run.id,
    name: run.name,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy?.name ?? null,
    cycles: run.cycles.map((cycle) => ({
      ...cycle,
      startedAt: cycle.startedAt?.toISOString() ?? null,
      finishedAt: cycle.finishedAt?.toISOString() ?? null,
    })),
  }));
}
