import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { inTransaction } from "@/lib/db/transaction";
import { processBoss } from "@/lib/jobs/process-boss";
import { queues } from "@/lib/jobs/queues";
import { markImportCancelled } from "./import-repository";

/**
 * Cancels a queued or running import: it ends FAILED with "cancelled by …" at once, a running one
 * rolls back within a second (nothing is written), and its job is not retried. False when the
 * import does not exist or had already finished. Audited as `dataset.import.cancel`.
 */
export async function cancelImport(importId: number, who: string, actor: Actor): Promise<boolean> {
  const cancelled = await inTransaction(async (tx) => {
    const marked = await markImportCancelled(importId, who, tx);
    if (marked !== null) await recordAudit(tx, actor, { action: "dataset.import.cancel", targetId: importId, details: {} });
    return marked;
  });
  if (cancelled === null) return false;
  if (cancelled.jobId !== null) {
    // Best effort: a job that still runs finds the import cancelled and stops by itself.
    const boss = await processBoss().catch(() => null);
    await boss?.cancel(queues.import.name, cancelled.jobId).catch(() => {});
  }
  return true;
}
