import { prisma } from "@/lib/db/prisma";
import type { BenchmarkFigure } from "@/lib/benchmarks/comparison";
import type { TaskSummary } from "@/lib/benchmarks/lmms-eval-results";
import { asJson } from "./json";
import type { TrainingRunStatus } from "./training-repository";

export interface BenchmarkJobRow {
  id: number;
  runId: number;
  cycleIndex: number;
  cycleId: number | null;
  modelLabel: string;
  backendId: number;
  backendJobId: string | null;
  status: TrainingRunStatus;
  tasks: string[];
  limit: number | null;
  command: string;
  simulated: boolean;
  error: string | null;
  resultsFileName: string | null;
  submittedAt: Date | null;
  finishedAt: Date | null;
}

const jobSelect = {
  id: true,
  runId: true,
  cycleIndex: true,
  cycleId: true,
  modelLabel: true,
  backendId: true,
  backendJobId: true,
  status: true,
  tasks: true,
  limit: true,
  command: true,
  simulated: true,
  error: true,
  resultsFileName: true,
  submittedAt: true,
  finishedAt: true,
} as const;

export async function benchmarkJobOf(runId: number, cycleIndex: number): Promise<BenchmarkJobRow | null> {
  return prisma().benchmarkJob.findUnique({ where: { runId_cycleIndex: { runId, cycleIndex } }, select: jobSelect });
}

export async function benchmarkJobsOfRuns(runIds: number[]): Promise<BenchmarkJobRow[]> {
  return prisma().benchmarkJob.findMany({
    where: { runId: { in: runIds } },
    orderBy: [{ runId: "asc" }, { cycleIndex: "asc" }],
    select: jobSelect,
  });
}

/** The job row of (run, cycle index), created once: a retried tick finds the first one. */
export async function ensureBenchmarkJob(input: {
  runId: number;
  cycleIndex: number;
  cycleId: number | null;
  checkpointId: number | null;
  modelLabel: string;
  backendId: number;
  tasks: string[];
  limit: number | null;
  command: string;
  simulated: boolean;
}): Promise<BenchmarkJobRow> {
  return prisma().benchmarkJob.upsert({
    where: { runId_cycleIndex: { runId: input.runId, cycleIndex: input.cycleIndex } },
    create: input,
    update: {},
    select: jobSelect,
  });
}

export async function updateBenchmarkJob(
  id: number,
  data: Partial<{
    backendJobId: string;
    status: TrainingRunStatus;
    error: string | null;
    logTail: string;
    submittedAt: Date;
    finishedAt: Date;
  }>,
): Promise<void> {
  await prisma().benchmarkJob.update({ where: { id }, data, select: { id: true } });
}

/** Stores a finished job's files as written and a row per task, in one transaction. */
export async function storeBenchmarkResults(
  job: Pick<BenchmarkJobRow, "id" | "runId" | "cycleIndex" | "simulated">,
  files: { resultsFileName: string; resultsFile: unknown; samplesFiles: Record<string, string>; logTail: string },
  summaries: TaskSummary[],
  metricsByTask: Map<string, unknown>,
): Promise<void> {
  await prisma().$transaction(async (tx) => {
    for (const summary of summaries) {
      const data = {
        jobId: job.id,
        groupName: summary.group,
        metric: summary.metric.metric,
        filter: summary.metric.filter,
        value: summary.metric.value,
        stderr: summary.metric.stderr,
        samplesEffective: summary.samples,
        samplesOriginal: null,
        derived: summary.derived,
        simulated: job.simulated,
        metrics: asJson(metricsByTask.get(summary.task) ?? []),
      };
      await tx.benchmarkResult.upsert({
        where: { runId_cycleIndex_task: { runId: job.runId, cycleIndex: job.cycleIndex, task: summary.task } },
        create: { ...data, runId: job.runId, cycleIndex: job.cycleIndex, task: summary.task },
        update: data,
        select: { id: true },
      });
    }
    await tx.benchmarkJob.update({
      where: { id: job.id },
      data: {
        status: "SUCCEEDED",
        error: null,
        finishedAt: new Date(),
        logTail: files.logTail,
        resultsFileName: files.resultsFileName,
        resultsFile: asJson(files.resultsFile),
        samplesFiles: asJson(files.samplesFiles),
      },
      select: { id: true },
    });
  });
}

export interface BenchmarkFigureRow extends BenchmarkFigure {
  runId: number;
  groupName: string | null;
  derived: boolean;
}

export async function benchmarkFiguresOfRuns(runIds: number[]): Promise<BenchmarkFigureRow[]> {
  const rows = await prisma().benchmarkResult.findMany({
    where: { runId: { in: runIds } },
    orderBy: [{ runId: "asc" }, { task: "asc" }, { cycleIndex: "asc" }],
    select: {
      runId: true,
      cycleIndex: true,
      task: true,
      groupName: true,
      metric: true,
      filter: true,
      value: true,
      stderr: true,
      samplesEffective: true,
      derived: true,
      simulated: true,
    },
  });
  return rows.map(({ samplesEffective, ...row }) => ({ ...row, samples: samplesEffective }));
}

/** The job's raw results file and samples files as stored. */
export async function benchmarkFiles(
  runId: number,
  cycleIndex: number,
): Promise<{ resultsFileName: string | null; resultsFile: unknown; samplesFiles: unknown; simulated: boolean } | null> {
  return prisma().benchmarkJob.findUnique({
    where: { runId_cycleIndex: { runId, cycleIndex } },
    select: { resultsFileName: true, resultsFile: true, samplesFiles: true, simulated: true },
  });
}

/** Every job's logged samples files of the runs, by run and cycle index. */
export async function benchmarkSamplesOfRuns(runIds: number[]): Promise<{ runId: number; cycleIndex: number; samplesFiles: unknown }[]> {
  return prisma().benchmarkJob.findMany({
    where: { runId: { in: runIds }, status: "SUCCEEDED" },
    select: { runId: true, cycleIndex: true, samplesFiles: true },
  });
}
