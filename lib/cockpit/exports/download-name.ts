import path from "node:path";

/** The file name a browser saves an export as: which cycle, which export, the original extension. */
export function downloadName(exportId: number, cycleId: number | null, storagePath: string): string {
  const base = path.posix.basename(storagePath).replace(/[^A-Za-z0-9_.-]/g, "_");
  return `vstar-cycle-${cycleId ?? "none"}-export-${exportId}-${base}`;
}
