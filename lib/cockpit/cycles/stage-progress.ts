import type { StageBatchCounts } from "@/lib/cycles/db/batch-repository";
import { isFinished, STAGES, STAGES_OF, type CycleStatus, type Stage } from "@/lib/cycles/state-machine";

/** A stage's batches, summed (one row per stage with batches), with the times progress needs. */
export interface StageAggregate extends StageBatchCounts {
  firstCreatedAt: Date;
  lastFinishedAt: Date | null;
  /** Status of the batch with the highest index: for single-job stages, the latest attempt. */
  lastBatchStatus: "PENDING" | "RUNNING" | "DONE" | "FAILED";
}

/** Stages run as one job, retried as a new batch per attempt (training): the latest attempt decides. */
const SINGLE_JOB_STAGES: ReadonlySet<Stage> = new Set(["CURATE", "EXPORT", "TRAIN"]);

type StageState = "waiting" | "pending" | "running" | "done" | "failed" | "skipped";

export interface StageProgress {
  stage: Stage;
  state: StageState;
  batches: number;
  items: number;
  doneItems: number;
  errorItems: number;
  /** doneItems / items (1 for a finished stage without items). */
  fraction: number;
  /** Items per second since the stage started (until it finished). */
  ratePerSecond: number | null;
  etaSeconds: number | null;
  lastError: string | null;
}

/** Every stage of the pipeline with its progress, rate and ETA, in pipeline order. */
export function stageProgress(
  status: CycleStatus,
  stoppedIn: CycleStatus | null,
  aggregates: StageAggregate[],
  now: Date,
): StageProgress[] {
  const reached = reachedIndex(status, stoppedIn);
  return STAGES.map((stage, index) => {
    const aggregate = aggregates.find((row) => row.stage === stage);
    if (!aggregate) {
      const passed = isFinished(status) || index < reached;
      return {
        stage,
        state: passed ? "skipped" : "waiting",
        batches: 0,
        items: 0,
        doneItems: 0,
        errorItems: 0,
        fraction: passed ? 1 : 0,
        ratePerSecond: null,
        etaSeconds: null,
        lastError: null,
      };
    }
    if (SINGLE_JOB_STAGES.has(stage)) return singleJobProgress(stage, aggregate);
    const state = batchState(aggregate);
    const fraction = aggregate.items > 0 ? Math.min(1, aggregate.doneItems / aggregate.items) : state === "done" ? 1 : 0;
    const end = state === "done" || state === "failed" ? (aggregate.lastFinishedAt ?? now) : now;
    const seconds = (end.getTime() - aggregate.firstCreatedAt.getTime()) / 1000;
    const ratePerSecond = aggregate.doneItems > 0 && seconds > 0 ? aggregate.doneItems / seconds : null;
    const remaining = Math.max(0, aggregate.items - aggregate.doneItems);
    const etaSeconds = state === "done" ? 0 : ratePerSecond && remaining > 0 ? remaining / ratePerSecond : null;
    return {
      stage,
      state,
      batches: aggregate.batches,
      items: aggregate.items,
      doneItems: aggregate.doneItems,
      errorItems: aggregate.errorItems,
      fraction,
      ratePerSecond,
      etaSeconds,
      lastError: aggregate.lastError,
    };
  });
}

function singleJobProgress(stage: Stage, aggregate: StageAggregate): StageProgress {
  const state: StageState = { PENDING: "pending", RUNNING: "running", DONE: "done", FAILED: "failed" }[
    aggregate.lastBatchStatus
  ] as StageState;
  return {
    stage,
    state,
    batches: aggregate.batches,
    items: 1,
    doneItems: state === "done" ? 1 : 0,
    errorItems: 0,
    fraction: state === "done" ? 1 : 0,
    ratePerSecond: null,
    etaSeconds: state === "done" ? 0 : null,
    lastError: state === "done" ? null : aggregate.lastError,
  };
}

function batchState(aggregate: StageAggregate): StageState {
  if (aggregate.failed > 0) return "failed";
  if (aggregate.done === aggregate.batches) return "done";
  if (aggregate.running > 0) return "running";
  return aggregate.done > 0 ? "running" : "pending";
}

/** How far the pipeline got: the index of the first stage of the (or the stopped) status. */
function reachedIndex(status: CycleStatus, stoppedIn: CycleStatus | null): number {
  const effective = (status === "FAILED" || status === "CANCELLED") && stoppedIn ? stoppedIn : status;
  const first = STAGES_OF[effective][0];
  return first === undefined ? (isFinished(effective) ? STAGES.length : 0) : STAGES.indexOf(first);
}
