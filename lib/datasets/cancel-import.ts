import { queues } from "@/lib/jobs/queues";
import { markImportCancelled } from "./import-repository";
import { datasetJobSender } from "./job-sender";

/**
 * Cancels a queued or running import: it ends FAILED with "cancelled by …" at once, a running one
 * rolls back within a second (nothing is written), and its job is not retried. False when the
 * import does not exist or had already finished.
 */
export async function cancelImport(importId: number, who: string): Promise<boolean> {
  const cancelled = await markImportCancelled(importId, who);
  if (cancelled === null) return false;
  if (cancelled.jobId !== null) {
    // Best effort: a job that still runs finds the import cancelled and stops by itself.
    const boss = await datasetJobSender().catch(() => null);
    await boss?.cancel(queues.import.name, cancelled.jobId).catch(() => {});
  }
  return true;
}
