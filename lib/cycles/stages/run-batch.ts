import { claimBatch, finishBatch, recordBatchCrash, type BatchHolder } from "../db/batch-repository";
import { loadCycle } from "../db/cycle-repository";
import { BatchRun } from "../engine/batch-context";
import { parseCyclePlan } from "../plan";
import { isTerminal } from "../state-machine";
import { curate } from "./curate";
import { runRangeStage } from "./range-stage";
import { submitTraining } from "./train";
import { ensureTrainingExport } from "./training-export";

export interface BatchReport {
  cycleId: number | null;
  outcome: "done" | "retry" | "stopped" | "skipped";
  detail?: string;
}

/**
 * Runs one StageBatch job: claims it (a claim made later by another worker wins), does what is
 * missing, and settles it — DONE when every item has its row or was given up, PENDING when items
 * remain to retry after a back-off. A crash is recorded on the batch and re-thrown.
 */
export async function runStageBatch(batchId: number, holder: BatchHolder | null, workerSignal: AbortSignal): Promise<BatchReport> {
  const batch = await claimBatch(batchId, holder);
  if (!batch) return { cycleId: null, outcome: "skipped", detail: "already settled" };
  const cycle = await loadCycle(batch.cycleId);
  if (!cycle || isTerminal(cycle.status) || cycle.cancelRequestedAt)
    return { cycleId: batch.cycleId, outcome: "skipped", detail: "the cycle is not running" };
  const plan = parseCyclePlan(cycle.config, `cycle ${cycle.id}'s plan`);
  const run = new BatchRun(batch, workerSignal);
  try {
    if (batch.stage === "CURATE") {
      await curate(cycle, plan);
      await finishBatch(batch, { status: "DONE", doneCount: 1, errorCount: 0 });
      return { cycleId: cycle.id, outcome: "done" };
    }
    if (batch.stage === "EXPORT") {
      const exported = await ensureTrainingExport(cycle, plan);
      await finishBatch(batch, { status: "DONE", doneCount: exported.rowCount, errorCount: 0 });
      return { cycleId: cycle.id, outcome: "done" };
    }
    if (batch.stage === "TRAIN") {
      await submitTraining(cycle, plan, batch.batchIndex + 1);
      await finishBatch(batch, { status: "DONE", doneCount: 1, errorCount: 0 });
      return { cycleId: cycle.id, outcome: "done" };
    }
    const outcome = await runRangeStage(run, cycle, plan);
    if (run.stopped && run.stopReason === "another worker took the batch over")
      return { cycleId: cycle.id, outcome: "stopped", detail: run.stopReason };
    const settled = outcome.remaining === 0;
    await finishBatch(batch, {
      status: settled ? "DONE" : "PENDING",
      doneCount: outcome.done,
      errorCount: outcome.givenUp,
      lastError: run.stopped ? run.stopReason : null,
    });
    if (run.stopped) return { cycleId: cycle.id, outcome: "stopped", detail: run.stopReason ?? undefined };
    return {
      cycleId: cycle.id,
      outcome: settled ? "done" : "retry",
      detail: settled ? undefined : `${outcome.remaining} item(s) to retry`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordBatchCrash(batch, message, plan.config.execution.maxBatchAttempts).catch(() => {});
    throw error;
  } finally {
    run.release();
  }
}
