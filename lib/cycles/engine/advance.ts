import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { VERIFIER_VERSION } from "@/lib/verifier";
import { batchCounts, createBatches, reopenBatches, takeDispatchable } from "../db/batch-repository";
import { createNextCycle, cycleMetricsOf, loadCycle, mergeCycleMetrics, transitionCycle, type CycleState } from "../db/cycle-repository";
import { upsertEvaluation } from "../db/evaluation-repository";
import { findTrainingExport } from "../db/export-repository";
import { countGivenUp, countStageRows, errorReasons, givenUpByStage } from "../db/generation-store";
import { evaluationCounts, yieldByDataset } from "../db/metrics-repository";
import { inPgTransaction } from "../db/queryable";
import { inTransaction } from "@/lib/db/transaction";
import { parseCyclePlan, type CyclePlan } from "../plan";
import { benchmarkGate, cancelBenchmarks, type BenchmarkGate } from "../stages/benchmark";
import { finishedStatus, isFinished, isTerminal, nextStatus, type CycleStatus, type Stage } from "../state-machine";
import { answerYieldOver, type AnswerYield } from "../answer-yield";
import { decideFinal } from "../stop-rule";
import { withCycleLock } from "./cycle-lock";
import { batchQueueName, type JobSender } from "./job-sender";
import { planRangeBatches } from "./plan-batches";
import { endRun } from "./run-end";
import { cancelTraining, pollTraining } from "./training-poll";

export interface AdvanceResult {
  status: CycleStatus;
  /** The cycle needs no more ticks. */
  finished: boolean;
  /** Another engine step held the cycle. */
  busy?: boolean;
  /** The run's next cycle, when this one finished and the stop rule let the run go on. */
  nextCycleId?: number;
}

interface Step {
  cycle: CycleState;
  plan: CyclePlan;
  jobs: JobSender;
}

type StepResult = { to: CycleStatus; isFinal?: boolean; metrics?: Record<string, unknown>; error?: string } | null;

const MAX_TRANSITIONS_PER_TICK = 8;

/**
 * One look at a cycle: hands out batches that need a worker, and moves the state machine on when a
 * stage is done — done meaning its rows exist (or were given up), counted, not flagged. Safe to
 * call any number of times, from anywhere: one step at a time per cycle (advisory lock).
 */
export async function advanceCycle(cycleId: number, jobs: JobSender): Promise<AdvanceResult> {
  const result = await withCycleLock(cycleId, async () => {
    let cycle = await loadCycle(cycleId);
    if (!cycle) return { status: "FAILED" as CycleStatus, finished: true };
    const planOf = (of: CycleState) => parseCyclePlan(of.config, `cycle ${of.id}'s plan`);
    if (isTerminal(cycle.status)) {
      // The run's last cycle finished but the run's end did not commit (the database went away): end it now.
      if (cycle.runStatus === "ACTIVE" && isFinished(cycle.status) && endsTheRun(cycle)) return finishCycle(cycle, planOf(cycle), jobs);
      return { status: cycle.status, finished: true };
    }
    const plan = planOf(cycle);
    if (cycle.cancelRequestedAt) return cancelCycle(cycle, plan, jobs);
    for (let moves = 0; moves < MAX_TRANSITIONS_PER_TICK; moves++) {
      let step: StepResult;
      try {
        step = await STEPS[cycle.status]({ cycle, plan, jobs });
      } catch (error) {
        // A database gone for a moment is no fault of the cycle: the tick fails, the next one tries again.
        if (isDatabaseUnavailable(error)) throw error;
        step = { to: "FAILED", error: `${cycle.status.toLowerCase()}: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!step) break;
      if (step.to === "FAILED") return failCycle(cycle, plan, jobs, step.error ?? "failed");
      const moved = await transitionCycle(cycle.id, cycle.status, step.to, {
        isFinal: step.isFinal,
        metrics: step.metrics ? { ...cycle.metrics, ...step.metrics } : undefined,
        ...(cycle.status === "DRAFT" ? { startedAt: new Date() } : {}),
        ...(isFinished(step.to) ? { finishedAt: new Date() } : {}),
      });
      cycle = await loadCycle(cycle.id);
      if (!cycle || !moved) break;
      if (isFinished(cycle.status)) return finishCycle(cycle, plan, jobs);
    }
    return { status: cycle?.status ?? "FAILED", finished: cycle ? isTerminal(cycle.status) : true };
  });
  return result ?? { status: "DRAFT", finished: false, busy: true };
}

const STEPS: Record<CycleStatus, (step: Step) => Promise<StepResult>> = {
  DRAFT: async ({ cycle, plan }) => {
    await createBatches(cycle.id, "GENERATE", await planRangeBatches(cycle.id, plan, "GENERATE"));
    return { to: "GENERATING" };
  },
  GENERATING: async (step) => {
    if (!(await stageDone(step, "GENERATE"))) return null;
    await createBatches(step.cycle.id, "VERIFY", await planRangeBatches(step.cycle.id, step.plan, "VERIFY"));
    return { to: "VERIFYING" };
  },
  VERIFYING: async (step) => {
    if (!(await stageDone(step, "VERIFY"))) return null;
    const { cycle, plan } = step;
    const answers = await answerYieldOf(cycle.id, plan);
    const answerYield = answers.answerYield;
    const previous = cycle.index > 1 ? await cycleMetricsOf(cycle.runId, cycle.index - 1) : null;
    const previousAnswerYield = typeof previous?.answerYield === "number" ? previous.answerYield : null;
    const decision = decideFinal(plan.config.stopRule, { index: cycle.index, answerYield: answerYield ?? 0, previousAnswerYield });
    const rationalize = plan.config.rationalization.enabled && !decision.isFinal;
    const to = nextStatus("VERIFYING", { rationalize, evaluate: plan.config.evaluation.enabled });
    if (to === "RATIONALIZING") await createBatches(cycle.id, "RATIONALIZE", await planRangeBatches(cycle.id, plan, "RATIONALIZE"));
    else await createBatches(cycle.id, "CURATE", [{ scope: {}, itemCount: 1 }]);
    return { to, isFinal: decision.isFinal, metrics: { ...answers, previousAnswerYield, stopRule: decision } };
  },
  RATIONALIZING: async (step) => {
    if (!(await stageDone(step, "RATIONALIZE"))) return null;
    await createBatches(step.cycle.id, "CURATE", [{ scope: {}, itemCount: 1 }]);
    return { to: "CURATING" };
  },
  CURATING: async (step) => {
    if (!(await stageDone(step, "CURATE"))) return null;
    await createBatches(step.cycle.id, "EXPORT", [{ scope: {}, itemCount: 1 }]);
    if (!(await stageDone(step, "EXPORT"))) return null;
    const exported = await findTrainingExport(step.cycle.id);
    if (exported?.status !== "DONE") return null;
    if (exported.rowCount === 0) return { to: "FAILED", error: "no verified answers to train on: every answer failed verification" };
    await createBatches(step.cycle.id, "TRAIN", [{ scope: {}, itemCount: 1 }]);
    return { to: "TRAINING" };
  },
  TRAINING: async (step) => {
    const { cycle, plan } = step;
    const attemptBase = typeof cycle.metrics.trainingAttemptBase === "number" ? cycle.metrics.trainingAttemptBase : 0;
    const progress = await pollTraining(cycle, plan, attemptBase);
    const train = (await batchCounts(cycle.id)).find((c) => c.stage === "TRAIN");
    if (train && train.failed > 0)
      return { to: "FAILED", error: `submitting the training job failed: ${train.lastError ?? "unknown error"}` };
    if (progress.kind === "not-submitted") {
      await createBatches(
        cycle.id,
        "TRAIN",
        Array.from({ length: progress.attempt }, () => ({ scope: {}, itemCount: 1 })),
      );
      await dispatch(step, "TRAIN");
      return null;
    }
    if (progress.kind === "running") return null;
    if (progress.kind === "failed") {
      if (progress.attempt - attemptBase >= plan.config.training.maxAttempts) return { to: "FAILED", error: progress.message };
      await createBatches(
        cycle.id,
        "TRAIN",
        Array.from({ length: progress.attempt + 1 }, () => ({ scope: {}, itemCount: 1 })),
      );
      await dispatch(step, "TRAIN");
      return null;
    }
    const to = nextStatus("TRAINING", { rationalize: false, evaluate: plan.config.evaluation.enabled });
    if (to === "EVALUATING") {
      await createBatches(cycle.id, "EVALUATE", await planRangeBatches(cycle.id, plan, "EVALUATE"));
      return { to };
    }
    const gate = await benchmarkGate(cycle, plan);
    if (gate.wait) return null;
    return { ...(await finish(cycle, plan)), ...benchmarkStop(gate) };
  },
  EVALUATING: async (step) => {
    // Benchmark jobs run on the cluster while the held-out split is answered.
    const gate = await benchmarkGate(step.cycle, step.plan);
    if (!(await stageDone(step, "EVALUATE")) || gate.wait) return null;
    await recordEvaluations(step.cycle, step.plan);
    return { ...(await finish(step.cycle, step.plan)), ...benchmarkStop(gate) };
  },
  DONE: async () => null,
  DONE_WITH_ERRORS: async () => null,
  FAILED: async () => null,
  CANCELLED: async () => null,
};

/** The benchmark stop rule makes the cycle the run's last. */
function benchmarkStop(gate: BenchmarkGate): { isFinal?: true; metrics?: Record<string, unknown> } {
  return gate.stop ? { isFinal: true, metrics: { benchmarkStop: gate.stop } } : {};
}

/** Sends jobs for the stage's batches that need one; true when the stage is complete. */
async function stageDone(step: Step, stage: Stage): Promise<boolean> {
  const { cycle, plan } = step;
  const counts = (await batchCounts(cycle.id)).find((c) => c.stage === stage);
  if (!counts || counts.batches === 0) return true;
  if (counts.failed > 0)
    throw new Error(
      `a ${stage.toLowerCase()} batch failed ${plan.config.execution.maxBatchAttempts} times: ${counts.lastError ?? "unknown error"}`,
    );
  await dispatch(step, stage);
  if (counts.pending + counts.running > 0) return false;
  if (stage === "CURATE") return typeof cycle.metrics.curation === "object" || (await reopen(cycle.id, stage));
  if (stage === "EXPORT") return (await findTrainingExport(cycle.id))?.status === "DONE" || (await reopen(cycle.id, stage));
  if (stage === "TRAIN") return true;
  // Every batch says it is settled: believe the rows, not the flags.
  const rows = await countStageRows(cycle.id, stage, VERIFIER_VERSION);
  const givenUp = await countGivenUp(cycle.id, stage, plan.config.execution.maxItemAttempts);
  if (rows + givenUp < counts.items) return reopen(cycle.id, stage);
  if (counts.items > 0 && givenUp / counts.items > plan.config.execution.maxErrorShare) {
    const reasons = (await errorReasons(cycle.id)).filter((r) => r.stage === stage && r.open > 0).map((r) => `${r.reason} × ${r.open}`);
    throw new Error(
      `${givenUp} of ${counts.items} items could not be done (${reasons.join(", ")}), more than the allowed ${Math.round(plan.config.execution.maxErrorShare * 100)}%`,
    );
  }
  return true;
}

async function reopen(cycleId: number, stage: Stage): Promise<false> {
  await reopenBatches(cycleId, [stage]);
  return false;
}

/** Marks the batches that need a job as sent and sends their jobs, all or nothing. */
async function dispatch(step: Step, stage: Stage): Promise<void> {
  const { leaseSeconds, retryDelaySeconds } = step.plan.config.execution;
  await inPgTransaction(async (client) => {
    const due = await takeDispatchable(step.cycle.id, stage, { leaseSeconds, retryDelaySeconds, queue: batchQueueName(stage) }, client);
    await step.jobs.sendBatches(stage, due, client);
  });
}

async function answerYieldOf(cycleId: number, plan: CyclePlan): Promise<AnswerYield> {
  const yields = await yieldByDataset(cycleId, VERIFIER_VERSION);
  const questions = plan.datasets.reduce((sum, dataset) => sum + dataset.train.count, 0);
  return answerYieldOver(questions, yields);
}

/**
 * Held-out accuracy per dataset over the questions answered; the ones the backend never answered are
 * counted beside it (given up), never as wrong.
 */
async function recordEvaluations(cycle: CycleState, plan: CyclePlan): Promise<void> {
  const counts = await evaluationCounts(cycle.id, VERIFIER_VERSION);
  const summary: Record<string, number | null> = {};
  for (const dataset of plan.datasets) {
    const row = counts.find((c) => c.datasetId === dataset.datasetId);
    const planned = dataset.evaluation?.count ?? 0;
    const answered = row?.total ?? 0;
    const correct = row?.correct ?? 0;
    await upsertEvaluation({
      cycleId: cycle.id,
      datasetId: dataset.datasetId,
      checkpointId: cycle.outputCheckpoint?.id ?? null,
      split: dataset.evaluation?.splits.join(",") ?? null,
      total: answered,
      correct,
      metrics: {
        planned,
        answered,
        givenUp: Math.max(0, planned - answered),
        verifierVersion: VERIFIER_VERSION,
        simulated: (row?.simulated ?? 0) > 0,
      },
    });
    summary[dataset.name] = answered > 0 ? correct / answered : null;
  }
  await mergeCycleMetrics(cycle.id, { evaluation: summary });
}

/** Every stage is through: done, or done with errors when items were given up (recorded per stage in the metrics). */
async function finish(cycle: CycleState, plan: CyclePlan): Promise<{ to: CycleStatus }> {
  const givenUp = await givenUpByStage(cycle.id, plan.config.execution.maxItemAttempts);
  const total = Object.values(givenUp).reduce((sum, n) => sum + n, 0);
  await mergeCycleMetrics(cycle.id, { givenUpItems: givenUp });
  return { to: finishedStatus(total) };
}

/** The last cycle of its run: the stop rule said so, or it trained nothing to go on from. */
function endsTheRun(cycle: CycleState): boolean {
  return cycle.isFinal || !cycle.outputCheckpoint;
}

/** A finished cycle: the stop rule either ends the run or starts the next cycle on this one's adapter. */
async function finishCycle(cycle: CycleState, plan: CyclePlan, jobs: JobSender): Promise<AdvanceResult> {
  if (endsTheRun(cycle) || !cycle.outputCheckpoint) {
    await inTransaction((tx) => endRun(tx, { cycle, plan, status: "DONE" }, jobs));
    return { status: cycle.status, finished: true };
  }
  const nextCycleId = await createNextCycle(cycle.runId, cycle.index + 1, plan, cycle.outputCheckpoint.id);
  const { tickSeconds } = plan.config.execution;
  await jobs.sendTick(nextCycleId, { delaySeconds: 0, slotSeconds: tickSeconds });
  return { status: cycle.status, finished: true, nextCycleId };
}

/** The cycle fails and its run with it, in one transaction that also tells the run's launcher. */
async function failCycle(cycle: CycleState, plan: CyclePlan, jobs: JobSender, error: string): Promise<AdvanceResult> {
  await inTransaction(async (tx) => {
    await transitionCycle(
      cycle.id,
      cycle.status,
      "FAILED",
      { error: error.slice(0, 4000), metrics: { ...cycle.metrics, stoppedIn: cycle.status }, finishedAt: new Date() },
      tx,
    );
    await endRun(tx, { cycle, plan, status: "FAILED", error }, jobs);
  });
  return { status: "FAILED", finished: true };
}

async function cancelCycle(cycle: CycleState, plan: CyclePlan, jobs: JobSender): Promise<AdvanceResult> {
  await cancelTraining(cycle.id, plan);
  await cancelBenchmarks(cycle, plan);
  await inTransaction(async (tx) => {
    await transitionCycle(
      cycle.id,
      cycle.status,
      "CANCELLED",
      { metrics: { ...cycle.metrics, stoppedIn: cycle.status }, finishedAt: new Date() },
      tx,
    );
    await endRun(tx, { cycle, plan, status: "CANCELLED" }, jobs);
  });
  return { status: "CANCELLED", finished: true };
}
