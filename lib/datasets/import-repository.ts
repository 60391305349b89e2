import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DB_FORMAT } from "./import-options";
import type { ImportOptions } from "./import-options";
import type { ImportError } from "./types";

type ImportStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "REJECTED" | "FAILED";

/**
 * One entry of DatasetImport.errors: an error (rejects the file), a data-quality warning, or a
 * note on how the file was read ("info"). `cancelled` marks the error of an import someone
 * cancelled (a retried job does not run it again).
 */
export type StoredImportProblem = ImportError & { severity: "error" | "warning" | "info"; cancelled?: true };

const importSelect = {
  id: true,
  datasetId: true,
  format: true,
  sourceName: true,
  sourceSha256: true,
  options: true,
  status: true,
  recordsRead: true,
  videosCreated: true,
  questionsCreated: true,
  errorCount: true,
  errors: true,
  jobId: true,
  createdById: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
} as const;

export async function createImportRow(
  input: { options: ImportOptions; sourceSha256: string | null; createdById: string | null },
  db: Db = prisma(),
) {
  return db.datasetImport.create({
    data: {
      format: DB_FORMAT[input.options.format],
      sourceName: input.options.displayName ?? input.options.file.split("/").pop() ?? input.options.file,
      sourceSha256: input.sourceSha256,
      options: input.options,
      createdById: input.createdById,
    },
    select: importSelect,
  });
}

export async function findImport(id: number) {
  return prisma().datasetImport.findUnique({ where: { id }, select: importSelect });
}

export async function setImportJobId(id: number, jobId: string | null): Promise<void> {
  await prisma().datasetImport.update({ where: { id }, data: { jobId }, select: { id: true } });
}

/**
 * QUEUED (or a FAILED / interrupted RUNNING attempt being retried) → RUNNING, counters reset;
 * false when it finished meanwhile or was cancelled.
 */
export async function markImportRunning(id: number): Promise<boolean> {
  const { count } = await prisma().datasetImport.updateMany({
    where: {
      id,
      status: { in: ["QUEUED", "RUNNING", "FAILED"] },
      NOT: { errors: { array_contains: [{ cancelled: true }] } },
    },
    data: { status: "RUNNING", startedAt: new Date(), finishedAt: null, recordsRead: 0, errorCount: 0, errors: [] },
  });
  return count > 0;
}

/** Records progress; false when the import is no longer running (it was cancelled). */
export async function setImportProgress(id: number, recordsRead: number): Promise<boolean> {
  const { count } = await prisma().datasetImport.updateMany({ where: { id, status: "RUNNING" }, data: { recordsRead } });
  return count > 0;
}

/** Whether a stored import ended by being cancelled. */
export function wasCancelled(problems: unknown): boolean {
  return Array.isArray(problems) && problems.some((problem) => (problem as StoredImportProblem | null)?.cancelled === true);
}

/**
 * Ends a queued or running import as FAILED, cancelled by `who`: the running import notices
 * within a second and rolls back, so nothing is written. Null when it had already finished.
 */
export async function markImportCancelled(id: number, who: string, db: Db = prisma()): Promise<{ jobId: string | null } | null> {
  const found = await db.datasetImport.findUnique({ where: { id }, select: { sourceName: true, jobId: true } });
  if (found === null) return null;
  const problem: StoredImportProblem = {
    file: found.sourceName,
    reason: `cancelled by ${who}; nothing was written`,
    severity: "error",
    cancelled: true,
  };
  const { count } = await db.datasetImport.updateMany({
    where: { id, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", errorCount: 1, errors: [problem] as unknown as Prisma.InputJsonArray, finishedAt: new Date() },
  });
  return count > 0 ? { jobId: found.jobId } : null;
}

export interface ImportResult {
  status: Exclude<ImportStatus, "QUEUED" | "RUNNING">;
  datasetId: number | null;
  recordsRead: number;
  videosCreated: number;
  questionsCreated: number;
  errorCount: number;
  problems: StoredImportProblem[];
}

/**
 * Records how a running import ended. Never leaves it RUNNING: problems are made storable (a NUL read
 * from the file cannot go into jsonb), and if the result still cannot be written, a FAILED status
 * with the reason is written instead; only an unreachable database makes this throw.
 */
export async function finishImport(id: number, result: ImportResult): Promise<void> {
  // Only a running import is finished here: a cancelled one keeps its cancellation.
  const write = (ending: ImportResult) =>
    prisma().datasetImport.updateMany({
      where: { id, status: "RUNNING" },
      data: {
        status: ending.status,
        datasetId: ending.datasetId,
        recordsRead: ending.recordsRead,
        videosCreated: ending.videosCreated,
        questionsCreated: ending.questionsCreated,
        errorCount: ending.errorCount,
        errors: ending.problems.map(storableProblem) as unknown as Prisma.InputJsonArray,
        finishedAt: new Date(),
      },
    });
  try {
    await write(result);
  } catch (error) {
    const reason = `the import's result could not be recorded: ${error instanceof Error ? error.message : String(error)}`;
    await write({ ...result, status: "FAILED", errorCount: result.errorCount + 1, problems: [{ file: "", reason, severity: "error" }] });
  }
}

/** A problem as jsonb can store it: NUL characters (read from a broken file) shown as "\\0". */
function storableProblem(problem: StoredImportProblem): StoredImportProblem {
  return Object.fromEntries(
    Object.entries(problem).map(([key, value]) => [key, typeof value === "string" ? value.replaceAll("\0", "\\0") : value]),
  ) as StoredImportProblem;
}

const historySelect = {
  id: true,
  datasetId: true,
  format: true,
  sourceName: true,
  status: true,
  recordsRead: true,
  videosCreated: true,
  questionsCreated: true,
  errorCount: true,
  errors: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
  createdBy: { select: { name: true } },
  dataset: { select: { name: true } },
} as const;

/**
 * Import history, newest first: of one dataset, or of all (imports of new datasets rejected whole
 * have none); with `beforeId`, the imports older than that one.
 */
export async function listImports(filter: { datasetId?: number; beforeId?: number; limit?: number } = {}) {
  const rows = await prisma().datasetImport.findMany({
    where: {
      ...(filter.datasetId === undefined ? {} : { datasetId: filter.datasetId }),
      ...(filter.beforeId === undefined ? {} : { id: { lt: filter.beforeId } }),
    },
    orderBy: { id: "desc" },
    take: filter.limit ?? 20,
    select: historySelect,
  });
  // errors holds what finishImport wrote.
  return rows.map((row) => ({ ...row, errors: (Array.isArray(row.errors) ? row.errors : []) as unknown as StoredImportProblem[] }));
}
