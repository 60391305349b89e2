import type { Transaction } from "@/lib/db/transaction";
import { createRunEndNotification } from "@/lib/notifications/notification-repository";
import type { RunEndEvent } from "@/lib/notifications/payload";
import type { CycleState } from "../db/cycle-repository";
import { endActiveRun, runEndFacts } from "../db/run-end-repository";
import type { CyclePlan } from "../plan";
import type { JobSender } from "./job-sender";

/**
 * Ends the run in `tx` and, in the same transaction, tells its launcher: a notification, and the
 * webhook job when the run or the launcher has a webhook URL. A run already ended (a retried tick)
 * is left as it is and nobody is told twice. A run that is done with given-up items needs attention.
 */
export async function endRun(
  tx: Transaction,
  ended: { cycle: CycleState; plan: CyclePlan; status: "DONE" | "FAILED" | "CANCELLED"; error?: string },
  jobs: JobSender,
): Promise<void> {
  const { cycle, plan, status } = ended;
  if (!(await endActiveRun(cycle.runId, status, tx))) return;
  const facts = await runEndFacts(cycle.runId, [plan.inferenceBackendId, plan.trainingBackendId], tx);
  const event: RunEndEvent = status === "DONE" && facts.cyclesWithErrors > 0 ? "NEEDS_ATTENTION" : status;
  const launcher = facts.launcher?.active ? facts.launcher : null;
  const webhookUrl = plan.config.notify.webhookUrl ?? launcher?.webhookUrl ?? null;
  if (!launcher && !webhookUrl) return;
  const notification = await createRunEndNotification(tx, {
    userId: launcher?.id ?? null,
    cycleId: cycle.id,
    webhookUrl,
    end: {
      runId: cycle.runId,
      runName: cycle.runName,
      event,
      cycleIndex: cycle.index,
      givenUpItems: facts.givenUpItems,
      error: ended.error ?? null,
      simulated: facts.simulated,
    },
  });
  if (notification.webhook) await jobs.sendWebhook(notification.id, tx);
}
