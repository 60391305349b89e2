/**
 * A simulated Ray Jobs service. A submitted training job is PENDING for a moment, RUNNING for
 * the rest of its configured duration, then SUCCEEDED (or FAILED, at the configured rate).
 * Status is a function of the clock, so nothing needs to tick; `settle` fires the success
 * hook (registering the trained adapter) the first time a job is seen finished.
 */
import { z } from "zod";
import { hexIdFrom, rngFrom, uniformFrom } from "@/lib/random/seeded-random";
import { lmmsEvalInvocation, lmmsEvalLogLines } from "./lmms-eval";
import { trainingLogLines, type LogLine } from "./training-logs";

export const rayJobSubmitSchema = z.object({
  entrypoint: z.string().min(1),
  submission_id: z.string().min(1).nullish(),
  job_id: z.string().min(1).nullish(),
  runtime_env: z.record(z.string(), z.unknown()).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  entrypoint_num_cpus: z.number().min(0).nullish(),
  entrypoint_num_gpus: z.number().min(0).nullish(),
  entrypoint_memory: z.number().int().min(0).nullish(),
  entrypoint_resources: z.record(z.string(), z.number()).nullish(),
});

export type RayJobSubmission = z.infer<typeof rayJobSubmitSchema>;
export type RayJobStatus = "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "STOPPED";

export interface TrainedAdapter {
  submissionId: string;
  outputDir: string;
  strength: number;
}

export interface RayJobsSettings {
  seed: number;
  durationMs: number;
  failureRate: number;
}

export interface RayJobsOptions extends RayJobsSettings {
  now: () => number;
  onSucceeded: (adapter: TrainedAdapter) => void;
}

interface RayJob {
  submission: RayJobSubmission;
  submissionId: string;
  driverJobId: string;
  submittedAt: number;
  startAt: number;
  endAt: number;
  fails: boolean;
  stoppedAt?: number;
  strength: number;
  outputDir?: string;
  logLines: LogLine[];
  settled: boolean;
  /** A simulated lmms-eval run (benchmark), not a training run: it registers no adapter. */
  benchmark?: boolean;
}

const PENDING_SHARE = 0.15;
const FAILURE_POINT = 0.6;

export class RayJobStore {
  private readonly jobs = new Map<string, RayJob>();
  private counter = 0;

  private options: RayJobsOptions;

  constructor(options: RayJobsOptions) {
    this.options = { ...options };
  }

  /** Change seed, duration or failure rate for jobs submitted from now on. */
  configure(settings: Partial<RayJobsSettings>): void {
    this.options = { ...this.options, ...settings };
  }

  settings(): RayJobsSettings {
    const { seed, durationMs, failureRate } = this.options;
    return { seed, durationMs, failureRate };
  }

  /** Submit a job; throws DuplicateSubmissionError when the submission id is taken. */
  submit(submission: RayJobSubmission): { job_id: string; submission_id: string } {
    const now = this.options.now();
    const n = this.counter++;
    const submissionId = submission.submission_id ?? submission.job_id ?? `raysubmit_${hexIdFrom(16, this.options.seed, "submission", n)}`;
    if (this.jobs.has(submissionId)) throw new DuplicateSubmissionError(submissionId);

    const metadata = submission.metadata ?? {};
    const warnings: string[] = [];
    const strength = parseCycleIndex(metadata.vstar_cycle_index, warnings);
    const outputDir = metadata.vstar_output_dir;
    if (!outputDir) warnings.push("metadata.vstar_output_dir is missing: the run will not produce a loadable adapter");
    const numExamples = parseCount(metadata.vstar_num_examples);
    if (numExamples === null) warnings.push("metadata.vstar_num_examples is missing: the number of training examples is unknown");
    const fails = uniformFrom(this.options.seed, "training-fails", submissionId) < this.options.failureRate;
    const duration = this.options.durationMs;
    const invocation = lmmsEvalInvocation(submission.entrypoint);
    if (invocation) {
      const job: RayJob = {
        submission,
        submissionId,
        driverJobId: (n + 2).toString(16).padStart(2, "0").padEnd(8, "0"),
        submittedAt: now,
        startAt: now + Math.round(duration * PENDING_SHARE),
        endAt: now + duration,
        fails,
        strength: Number.parseInt(metadata.vstar_cycle_index ?? "0", 10) || 0,
        logLines: [],
        settled: false,
        benchmark: true,
      };
      job.logLines = lmmsEvalLogLines({ invocation, seed: this.options.seed, strength: job.strength, startedAtMs: now, fails });
      this.jobs.set(submissionId, job);
      return { job_id: submissionId, submission_id: submissionId };
    }

    const job: RayJob = {
      submission,
      submissionId,
      driverJobId: (n + 2).toString(16).padStart(2, "0").padEnd(8, "0"),
      submittedAt: now,
      startAt: now + Math.round(duration * PENDING_SHARE),
      endAt: now + duration,
      fails,
      strength,
      ...(outputDir ? { outputDir } : {}),
      logLines: trainingLogLines({
        rng: rngFrom(this.options.seed, "training-log", submissionId),
        submissionId,
        outputDir,
        cycleIndex: strength,
        numExamples,
        startedAtMs: now,
        warnings,
        ...(fails ? { failAt: FAILURE_POINT } : {}),
      }),
      settled: false,
    };
    this.jobs.set(submissionId, job);
    return { job_id: submissionId, submission_id: submissionId };
  }

  /** Milliseconds until the last job in flight ends (for a wake-up timer), or undefined. */
  nextEndIn(): number | undefined {
    const now = this.options.now();
    const pending = [...this.jobs.values()].filter((j) => !j.settled && j.stoppedAt === undefined).map((j) => j.endAt - now);
    return pending.length > 0 ? Math.max(0, Math.min(...pending)) : undefined;
  }

  /** Fire the success hook for jobs that have finished since the last call. */
  settle(): void {
    for (const job of this.jobs.values()) {
      if (job.settled) continue;
      const status = this.statusOf(job);
      if (status === "SUCCEEDED" && job.outputDir && !job.benchmark) {
        this.options.onSucceeded({ submissionId: job.submissionId, outputDir: job.outputDir, strength: job.strength });
      }
      if (status !== "PENDING" && status !== "RUNNING") job.settled = true;
    }
  }

  details(id: string): RayJobDetails | undefined {
    this.settle();
    const job = this.jobs.get(id);
    return job ? this.describe(job) : undefined;
  }

  list(): RayJobDetails[] {
    this.settle();
    return [...this.jobs.values()].map((job) => this.describe(job));
  }

  logs(id: string): string | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const status = this.statusOf(job);
    if (status === "PENDING" || (status === "STOPPED" && (job.stoppedAt ?? 0) < job.startAt)) return "";
    const at = this.runFraction(job);
    const lines = job.logLines.filter((l) => l.at <= at).map((l) => l.text);
    if (status === "STOPPED") lines.push("Job stopped: received SIGTERM, terminating the training process.");
    return lines.length > 0 ? `${lines.join("\n")}\n` : "";
  }

  /** Stop a job in flight; false when it had already finished. Undefined for an unknown id. */
  stop(id: string): boolean | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const status = this.statusOf(job);
    if (status !== "PENDING" && status !== "RUNNING") return false;
    job.stoppedAt = this.options.now();
    job.settled = true;
    return true;
  }

  /** Delete a finished job; an error message when it is still in flight. Undefined for an unknown id. */
  delete(id: string): { deleted: true } | { error: string } | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const status = this.statusOf(job);
    if (status === "PENDING" || status === "RUNNING") {
      return { error: `Attempted to delete job '${id}', but it is in a non-terminal state ${status}.` };
    }
    this.jobs.delete(id);
    return { deleted: true };
  }

  private statusOf(job: RayJob): RayJobStatus {
    if (job.stoppedAt !== undefined) return "STOPPED";
    const now = this.options.now();
    if (now < job.startAt) return "PENDING";
    if (now < job.endAt) return "RUNNING";
    return job.fails ? "FAILED" : "SUCCEEDED";
  }

  /** How far through its running phase the job is (0..1). */
  private runFraction(job: RayJob): number {
    const until = Math.min(job.stoppedAt ?? this.options.now(), job.endAt);
    const span = Math.max(1, job.endAt - job.startAt);
    const fraction = (until - job.startAt) / span;
    return job.fails ? Math.min(fraction, FAILURE_POINT) : Math.min(1, Math.max(0, fraction));
  }

  private endTime(job: RayJob, status: RayJobStatus): number | null {
    if (status === "STOPPED") return job.stoppedAt ?? null;
    if (status === "SUCCEEDED") return job.endAt;
    if (status === "FAILED") return job.startAt + Math.round((job.endAt - job.startAt) * FAILURE_POINT);
    return null;
  }

  private describe(job: RayJob): RayJobDetails {
    const status = this.statusOf(job);
    const started = status !== "PENDING" && !(status === "STOPPED" && (job.stoppedAt ?? 0) < job.startAt);
    const s = job.submission;
    return {
      type: "SUBMISSION",
      job_id: started ? job.driverJobId : null,
      submission_id: job.submissionId,
      driver_info: started
        ? { id: job.driverJobId, node_ip_address: "127.0.0.1", pid: String(40000 + (parseInt(job.driverJobId, 16) % 20000)) }
        : null,
      status,
      entrypoint: s.entrypoint,
      message: this.message(job, status),
      error_type: status === "FAILED" ? "JOB_ENTRYPOINT_COMMAND_ERROR" : null,
      start_time: job.submittedAt,
      end_time: this.endTime(job, status),
      metadata: s.metadata ?? {},
      runtime_env: s.runtime_env ?? {},
      driver_agent_http_address: started ? "http://127.0.0.1:52365" : null,
      driver_node_id: started ? hexIdFrom(56, "node", job.submissionId) : null,
      driver_exit_code: status === "FAILED" ? 1 : status === "SUCCEEDED" ? 0 : null,
      entrypoint_num_cpus: s.entrypoint_num_cpus ?? null,
      entrypoint_num_gpus: s.entrypoint_num_gpus ?? null,
      entrypoint_memory: s.entrypoint_memory ?? null,
      entrypoint_resources: s.entrypoint_resources ?? null,
    };
  }

  private message(job: RayJob, status: RayJobStatus): string {
    switch (status) {
      case "PENDING":
        return "Job has not started yet. It may be waiting for resources (CPUs, GPUs, memory, custom resources) to become available.";
      case "RUNNING":
        return "Job is currently running.";
      case "SUCCEEDED":
        return "Job finished successfully.";
      case "STOPPED":
        return "Job was intentionally stopped.";
      case "FAILED":
        return `Job entrypoint command failed with exit code 1, last available logs (truncated to 20,000 chars):\n${this.logs(job.submissionId) ?? ""}`;
    }
  }
}

export interface RayJobDetails {
  type: "SUBMISSION";
  job_id: string | null;
  submission_id: string;
  driver_info: { id: string; node_ip_address: string; pid: string } | null;
  status: RayJobStatus;
  entrypoint: string;
  message: string;
  error_type: string | null;
  start_time: number;
  end_time: number | null;
  metadata: Record<string, string>;
  runtime_env: Record<string, unknown>;
  driver_agent_http_address: string | null;
  driver_node_id: string | null;
  driver_exit_code: number | null;
  entrypoint_num_cpus: number | null;
  entrypoint_num_gpus: number | null;
  entrypoint_memory: number | null;
  entrypoint_resources: Record<string, number> | null;
}

export class DuplicateSubmissionError extends Error {
  constructor(readonly submissionId: string) {
    super(`Job with submission_id ${submissionId} already exists. Please use a different submission_id.`);
  }
}

function parseCycleIndex(raw: string | undefined, warnings: string[]): number {
  const parsed = parsePositiveInt(raw);
  if (parsed !== undefined) return parsed;
  warnings.push(
    raw === undefined
      ? "metadata.vstar_cycle_index is missing: simulating an adapter of strength 1"
      : `metadata.vstar_cycle_index must be a positive integer, got ${JSON.stringify(raw)}: simulating strength 1`,
  );
  return 1;
}

/** A count the submitter sent (0 allowed); null when it sent none or something else. */
function parseCount(raw: string | undefined): number | null {
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number.parseInt(raw, 10);
}

function parsePositiveInt(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return undefined;
  const value = Number.parseInt(raw, 10);
  return value >= 1 ? value : undefined;
}
