import { TrainingBackendError } from "@/lib/backends/errors";
import type { SlurmJobView } from "@/lib/backends/training/slurm-protocol";
import type { TrainingState, TrainingStatus } from "@/lib/backends/training/types";

const BASE_STATES: Record<string, TrainingState> = {
  PENDING: "pending",
  RUNNING: "running",
  SUSPENDED: "running",
  COMPLETED: "succeeded",
  CANCELLED: "cancelled",
  FAILED: "failed",
  TIMEOUT: "failed",
  NODE_FAIL: "failed",
  OUT_OF_MEMORY: "failed",
  BOOT_FAIL: "failed",
  DEADLINE: "failed",
  PREEMPTED: "failed",
};

/** Flags meaning "not settled yet": the job will run (again) or is still cleaning up. */
const UNSETTLED_FLAGS = new Set(["COMPLETING", "CONFIGURING", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "STAGE_OUT"]);

/**
 * A state string of v0.0.38/v0.0.39 names the flag instead of the base state while it is set
 * ("COMPLETING", "REQUEUED"...): what such a lone word means.
 */
const FLAG_ONLY_STATES: Record<string, TrainingState> = {
  COMPLETING: "running",
  CONFIGURING: "running",
  RESIZING: "running",
  STAGE_OUT: "running",
  SIGNALING: "running",
  STOPPED: "running",
  REQUEUED: "pending",
  REQUEUE_FED: "pending",
  REQUEUE_HOLD: "pending",
  RESV_DEL_HOLD: "pending",
  POWER_UP_NODE: "pending",
  SPECIAL_EXIT: "failed",
  LAUNCH_FAILED: "failed",
  RECONFIG_FAIL: "failed",
  REVOKED: "cancelled",
};

/** Maps a job's state (base state and flags, whatever the API version) to the engine-neutral state. */
export function slurmTrainingStatus(job: SlurmJobView): TrainingStatus {
  const words = job.state.map((w) => w.toUpperCase());
  const base = words.find((word) => word in BASE_STATES);
  const flagOnly = words.find((word) => word in FLAG_ONLY_STATES);
  let state = base !== undefined ? BASE_STATES[base] : flagOnly !== undefined ? FLAG_ONLY_STATES[flagOnly] : undefined;
  if (state === undefined) {
    throw new TrainingBackendError(`Slurm job ${job.jobId} has an unknown state ${JSON.stringify(job.state)}`);
  }
  const unsettled = words.some((word) => UNSETTLED_FLAGS.has(word));
  if (unsettled && state !== "pending") state = "running";
  const message = describe(words, job, state);
  return message ? { state, message } : { state };
}

function describe(words: string[], job: SlurmJobView, state: TrainingState): string | undefined {
  const reason = job.stateReason && job.stateReason !== "None" ? job.stateReason : undefined;
  const parts = [words.join("+"), reason, job.stateDescription].filter(Boolean);
  let message = parts.join(": ");
  const ended = state === "failed" || state === "cancelled";
  if (ended && job.exit?.signal !== undefined) message += ` (ended by signal ${job.exit.signal})`;
  else if (ended && job.exit?.code !== undefined && job.exit.code !== 0) message += ` (exit code ${job.exit.code})`;
  return message || undefined;
}
