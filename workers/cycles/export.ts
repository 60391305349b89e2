import { runExportJob } from "@/lib/cycles";
import type { PayloadOf } from "@/lib/jobs/queues";
import type { HandlerContext } from "../registration";
import { handleStageBatch } from "./stage-batch";

/** cycle-export: the cycle's training export (a stage batch) or an export asked for on its own. */
export async function handleExport(payload: PayloadOf<"cycleExport">, context: HandlerContext) {
  if ("batchId" in payload) return handleStageBatch(payload, context);
  const row = await runExportJob(payload.exportId);
  return row ? { exportId: row.id, status: row.status, rowCount: row.rowCount, storagePath: row.storagePath } : null;
}
