import { batchCounts, type StageBatchCounts } from "./db/batch-repository";
import { runWithCycles } from "./db/run-repository";
import { errorReasons } from "./db/generation-store";
import { isRecord } from "./db/json";
import { STAGES, type Stage } from "./state-machine";

export interface StageProgress {
  stage: Stage;
  batches: number;
  batchesDone: number;
  batchesRunning: number;
  items: number;
  itemsDone: number;
  itemsGivenUp: number;
  lastError: string | null;
}

function stageProgress(counts: StageBatchCounts[]): StageProgress[] {
  return STAGES.map((stage) => {
    const c = counts.find((row) => row.stage === stage);
    return {
      stage,
      batches: c?.batches ?? 0,
      batchesDone: c?.done ?? 0,
      batchesRunning: c?.running ?? 0,
      items: c?.items ?? 0,
      itemsDone: c?.doneItems ?? 0,
      itemsGivenUp: c?.errorItems ?? 0,
      lastError: c?.lastError ?? null,
    };
  });
}

/** A run with every cycle's status, per-stage counters, item errors, training and evaluation. */
export async function runStatus(runId: number) {
  const run = await runWithCycles(runId);
  if (!run) return null;
  const cycles = [];
  for (const cycle of run.cycles) {
    const metrics = isRecord(cycle.metrics) ? cycle.metrics : {};
    const training = cycle.trainingRuns[0];
    cycles.push({
      id: cycle.id,
      index: cycle.index,
      status: cycle.status,
      isFinal: cycle.isFinal,
      error: cycle.error,
      cancelRequested: cycle.cancelRequestedAt !== null,
      startedAt: cycle.startedAt?.toISOString() ?? null,
      finishedAt: cycle.finishedAt?.toISOString() ?? null,
      model: cycle.inputCheckpoint.servedName,
      trainedModel: cycle.outputCheckpoint?.servedName ?? null,
      answerYield: typeof metrics.answerYield === "number" ? metrics.answerYield : null,
      /** Training questions answered (the yield's denominator) and those the backend never answered. */
      answered: typeof metrics.answered === "number" ? metrics.answered : null,
      givenUp: typeof metrics.givenUp === "number" ? metrics.givenUp : null,
      stopRule: metrics.stopRule ?? null,
      curation: metrics.curation ?? null,
      stages: stageProgress(await batchCounts(cycle.id)),
      itemErrors: await errorReasons(cycle.id),
      training: training ?? null,
      evaluations: cycle.evaluations.map((e) => ({
        datasetId: e.datasetId,
        dataset: e.dataset.name,
        /** Held-out questions answered: the accuracy is over these. */
        total: e.total,
        correct: e.correct,
        accuracy: e.accuracy,
        /** Held-out questions the backend never answered. */
        givenUp: isRecord(e.metrics) && typeof e.metrics.givenUp === "number" ? e.metrics.givenUp : 0,
      })),
      exports: cycle.exports,
    });
  }
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    cycles,
  };
}

export type RunStatus = NonNullable<Awaited<ReturnType<typeof runStatus>>>;
