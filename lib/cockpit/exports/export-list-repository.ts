import { prisma } from "@/lib/db/prisma";
import { conflict, notFound } from "@/lib/errors/domain-error";
import { cycleLabel } from "../cycles/cycle-list-repository";

export interface ExportView {
  id: number;
  cycleId: number | null;
  cycleLabel: string | null;
  format: string;
  filters: Record<string, unknown>;
  status: string;
  rowCount: number;
  sizeBytes: number | null;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Whether the file can be downloaded now. */
  downloadable: boolean;
  /** Its answers come from a cycle whose model a simulated backend served. */
  simulated: boolean;
}

/** Exports, newest first (optionally of one cycle), with their progress. */
export async function listExportViews(options: { cycleId?: number; limit?: number } = {}): Promise<ExportView[]> {
  const rows = await prisma().export.findMany({
    where: options.cycleId ? { cycleId: options.cycleId } : {},
    orderBy: { id: "desc" },
    take: options.limit ?? 100,
    select: {
      id: true,
      cycleId: true,
      format: true,
      filters: true,
      status: true,
      storagePath: true,
      rowCount: true,
      sizeBytes: true,
      error: true,
      createdAt: true,
      finishedAt: true,
      createdBy: { select: { name: true } },
      cycle: { select: { index: true, run: { select: { name: true } }, inputCheckpoint: { select: { simulated: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    cycleId: row.cycleId,
    cycleLabel: row.cycle ? cycleLabel(row.cycle.run.name, row.cycle.index) : null,
    format: row.format,
    filters:
      typeof row.filters === "object" && row.filters !== null && !Array.isArray(row.filters)
        ? (row.filters as Record<string, unknown>)
        : {},
    status: row.status,
    rowCount: row.rowCount,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    error: row.error,
    createdBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    downloadable: row.status === "DONE" && row.storagePath !== null,
    simulated: row.cycle?.inputCheckpoint.simulated ?? false,
  }));
}

/** The stored file of a finished export (relative to the media root); not found, or a conflict while it is not finished. */
export async function exportFile(id: number): Promise<{ storagePath: string; format: string; cycleId: number | null }> {
  const row = await prisma().export.findUnique({ where: { id }, select: { status: true, storagePath: true, format: true, cycleId: true } });
  if (!row) throw notFound(`Export ${id}`);
  if (row.status !== "DONE" || !row.storagePath) throw conflict(`Export ${id} is not finished yet`);
  return { storagePath: row.storagePath, format: row.format, cycleId: row.cycleId };
}
