import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DB_FORMAT } from "./import-options";
import type { ImportOptions } from "./import-options";
import type { ImportError } from "./types";

type ImportStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "REJECTED" | "FAILED";

/** One entry of DatasetImport.errors: an error (rejects the file) or a data-quality warning. */
export type StoredImportProblem = ImportError & { severity: "error" | "warning" };

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

/** QUEUED (or a FAILED / interrupted RUNNING attempt being retried) → RUNNING, counters reset. */
export async function markImportRunning(id: number): Promise<void> {
  await prisma().datasetImport.update({
    where: { id },
    data: { status: "RUNNING", startedAt: new Date(), finishedAt: null, recordsRead: 0, errorCount: 0, errors: [] },
    select: { id: true },
  });
}

export async function setImportProgress(id: number, recordsRead: number): Promise<void> {
  await prisma().datasetImport.update({ where: { id }, data: { recordsRead }, select: { id: true } });
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

export async function finishImport(id: number, result: ImportResult): Promise<void> {
  await prisma().datasetImport.update({
    where: { id },
    data: {
      status: result.status,
      datasetId: result.datasetId,
      recordsRead: result.recordsRead,
      videosCreated: result.videosCreated,
      questionsCreated: result.questionsCreated,
      errorCount: result.errorCount,
      errors: result.problems as unknown as Prisma.InputJsonArray,
      finishedAt: new Date(),
    },
    select: { id: true },
  });
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
