import { TrainingBackendError } from "@/lib/backends/errors";
import type { SlurmJob } from "@/lib/backends/training/slurm-protocol";
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

/** Maps job_state (array of base state and flags, or a plain string) to the engine-neutral state. */
export function slurmTrainingStatus(job: SlurmJob): TrainingStatus {
  const words = (Array.isArray(job.job_state) ? job.job_state : job.job_state.split(/[\s,+]+/)).map((w) => w.toUpperCase());
  const base = words.find((word) => word in BASE_STATES);
  if (base === undefined) {
    throw new TrainingBackendError(`Slurm job ${job.job_id} has an unknown state ${JSON.stringify(job.job_state)}`);
  }
  let state = BASE_STATES[base] ?? "failed";
  const unsettled = words.some((word) => UNSETTLED_FLAGS.has(word));
  if (unsettled && state !== "pending") state = "running";
  const message = describe(words, job);
  return message ? { state, message } : { state };
}

function describe(words: string[], job: SlurmJob): string | undefined {
  const reason = job.state_reason && job.state_reason !== "None" ? job.state_reason : undefined;
  const parts = [words.join("+"), reason, job.state_description].filter(Boolean);
  return parts.length > 0 ? parts.join(": ") : undefined;
}
