import { CircuitOpenError, isRetryable, TERMINAL_STATES, TrainingJobLostError, type TrainingState } from "@/lib/backends";
import { registerAdapter } from "../db/catalog-repository";
import type { CycleState } from "../db/cycle-repository";
import { latestTrainingRun, updateTrainingRun, type TrainingRunRow, type TrainingRunStatus } from "../db/training-repository";
import type { CyclePlan } from "../plan";
import { trainingBackendFor } from "./clients";

const LOG_TAIL_CHARS = 4000;

export type TrainingProgress =
  | { kind: "not-submitted"; attempt: number }
  | { kind: "running"; attempt: number }
  | { kind: "succeeded"; checkpointId: number }
  | { kind: "failed"; attempt: number; message: string };

const STATUS_OF: Record<TrainingState, TrainingRunStatus> = {
  pending: "PENDING",
  running: "RUNNING",
  succeeded: "SUCCEEDED",
  failed: "FAILED",
  cancelled: "CANCELLED",
};

/** The versioned name a cycle's adapter is served under: `<run>-c<index>`. */
function adapterServedName(cycle: Pick<CycleState, "runId" | "runName" | "index">): string {
  const slug =
    cycle.runName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "run";
  return `${slug}-r${cycle.runId}-c${cycle.index}`;
}

/**
 * Looks at the cycle's latest training attempt on the backend: status and log tail onto the
 * TrainingRun; on success the adapter becomes a Checkpoint under its versioned name.
 */
export async function pollTraining(cycle: CycleState, plan: CyclePlan, attemptBase: number): Promise<TrainingProgress> {
  const run = await latestTrainingRun(cycle.id);
  if (!run || run.attempt <= attemptBase) return { kind: "not-submitted", attempt: attemptBase + 1 };
  if (run.status === "SUCCEEDED") return succeeded(cycle, run, plan);
  if (run.status === "FAILED" || run.status === "CANCELLED")
    return { kind: "failed", attempt: run.attempt, message: run.error ?? "training failed" };
  if (!run.backendJobId) return { kind: "not-submitted", attempt: run.attempt };
  const { backend } = await trainingBackendFor(plan.trainingBackendId);
  let status: Awaited<ReturnType<typeof backend.status>>;
  try {
    status = await backend.status(run.backendJobId);
  } catch (error) {
    if (error instanceof TrainingJobLostError) {
      // The cluster forgot the job (it restarted): this attempt is lost, the next one may start.
      const message = `training attempt ${run.attempt} lost: ${error.message}`;
      await updateTrainingRun(run.id, { status: "FAILED", error: message, finishedAt: new Date() });
      return { kind: "failed", attempt: run.attempt, message };
    }
    // The cluster is out of reach for now (restarting, overloaded): look again at the next tick.
    if (isRetryable(error) || error instanceof CircuitOpenError) {
      await updateTrainingRun(run.id, { error: `could not reach the training backend: ${(error as Error).message}`.slice(0, 4000) });
      return { kind: "running", attempt: run.attempt };
    }
    throw error;
  }
  const logs = backend.logsUnavailable?.(run.backendJobId) ? "" : await backend.logs(run.backendJobId).catch(() => run.logTail ?? "");
  const logTail = logs.slice(-LOG_TAIL_CHARS);
  const next = STATUS_OF[status.state];
  if (!TERMINAL_STATES.has(status.state)) {
    await updateTrainingRun(run.id, { status: next, logTail, error: null });
    return { kind: "running", attempt: run.attempt };
  }
  if (status.state === "succeeded") {
    await updateTrainingRun(run.id, { status: next, logTail, finishedAt: new Date() });
    return succeeded(cycle, { ...run, status: "SUCCEEDED" }, plan);
  }
  const message = `training attempt ${run.attempt} ${status.state}${status.message ? `: ${status.message}` : ""}${lastLine(logTail)}`;
  await updateTrainingRun(run.id, { status: next, logTail, error: message, finishedAt: new Date() });
  return { kind: "failed", attempt: run.attempt, message };
}

async function succeeded(cycle: CycleState, run: TrainingRunRow, plan: CyclePlan): Promise<TrainingProgress> {
  const config = (run.config ?? {}) as { outputDir?: string; localOutputDir?: string; baseModel?: string };
  const { simulated } = await trainingBackendFor(plan.trainingBackendId);
  const checkpoint = await registerAdapter({
    servedName: adapterServedName(cycle),
    baseModel: cycle.inputCheckpoint.baseModel,
    adapterPath: config.outputDir ?? config.localOutputDir ?? "",
    cycleId: cycle.id,
    simulated,
  });
  await updateTrainingRun(run.id, { resultCheckpointId: checkpoint.id });
  return { kind: "succeeded", checkpointId: checkpoint.id };
}

/** Cancels the cycle's training job if one is running (best effort: the cycle is cancelled anyway). */
export async function cancelTraining(cycleId: number, plan: CyclePlan): Promise<void> {
  const run = await latestTrainingRun(cycleId);
  if (!run?.backendJobId || (run.status !== "PENDING" && run.status !== "RUNNING")) return;
  try {
    const { backend } = await trainingBackendFor(plan.trainingBackendId);
    await backend.cancel(run.backendJobId);
    await updateTrainingRun(run.id, { status: "CANCELLED", error: "cancelled with the cycle", finishedAt: new Date() });
  } catch (error) {
    await updateTrainingRun(run.id, { error: `cancel failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}

function lastLine(logs: string): string {
  const line = logs
    .trim()
    .split("\n")
    .filter((l) => l.trim() !== "")
    .pop();
  return line ? ` (last log line: ${line.trim().slice(0, 300)})` : "";
}
