import type { SlurmBackendConfig } from "@/lib/backends/config";
import { TrainingBackendError, TrainingJobLostError } from "@/lib/backends/errors";
import { JsonApi } from "@/lib/backends/http/json-api";
import { ResilientCaller, type ResilienceDeps } from "@/lib/backends/http/resilient-caller";
import type { HttpResponse } from "@/lib/backends/http/send";
import { cycleEnvironment, llamaFactoryTrainCommand } from "@/lib/backends/training/entrypoint";
import { expandSlurmFilename, fileTailReader, type LogReader } from "@/lib/backends/training/log-reader";
import {
  SLURM_API_VERSION,
  describeSlurmErrors,
  slurmJobsResponseSchema,
  slurmPlainResponseSchema,
  slurmSubmitResponseSchema,
  type SlurmJob,
  type SlurmPlainResponse,
  type SlurmSubmitRequestBody,
} from "@/lib/backends/training/slurm-protocol";
import { slurmTrainingStatus } from "@/lib/backends/training/slurm-state";
import {
  parseTrainingJobSpec,
  type ParsedTrainingJobSpec,
  type TrainingBackend,
  type TrainingJobSpec,
  type TrainingStatus,
} from "@/lib/backends/training/types";

export interface SlurmBackendDeps extends ResilienceDeps {
  /** Reads the job's standard_output from the cluster's shared filesystem. */
  readLog?: LogReader;
}

const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Training through slurmrestd (API pinned to v0.0.41), authenticated by user name and JWT. */
export class SlurmBackend implements TrainingBackend {
  readonly kind = "slurm" as const;
  private readonly api: JsonApi;
  private readonly readLog: LogReader;
  private readonly prefix = `/slurm/${SLURM_API_VERSION}`;

  constructor(
    private readonly config: SlurmBackendConfig,
    deps: SlurmBackendDeps = {},
  ) {
    const caller = new ResilientCaller(
      { name: `slurm ${config.baseUrl}`, maxConcurrency: 4, retry: config.retries, breaker: config.breaker },
      deps,
    );
    const headers = { "X-SLURM-USER-NAME": config.userName, "X-SLURM-USER-TOKEN": config.userToken };
    this.api = new JsonApi({ baseUrl: config.baseUrl, headers, timeoutMs: config.timeoutMs, caller, now: deps.now });
    this.readLog = deps.readLog ?? fileTailReader();
  }

  /**
   * Slurm has no idempotency key: the job is named by its submission id and, unless disabled, a
   * job of that name and user found in the queue is returned instead of submitting a second one.
   */
  async submit(input: TrainingJobSpec): Promise<{ jobId: string }> {
    const spec = parseTrainingJobSpec(input);
    if (this.config.dedupeByName) {
      const existing = await this.findJobByName(spec.submissionId);
      if (existing) return { jobId: String(existing.job_id) };
    }
    const { value } = await this.api.call({
      method: "POST",
      path: `${this.prefix}/job/submit`,
      json: this.submitBody(spec),
      reply: slurmSubmitResponseSchema,
    });
    const jobId = value.job_id ?? value.result?.job_id;
    if (jobId === undefined) {
      throw new TrainingBackendError(
        `Slurm accepted no job for ${spec.submissionId}: ${describeSlurmErrors(value.errors) || "no job_id in reply"}`,
      );
    }
    return { jobId: String(jobId) };
  }

  async status(jobId: string): Promise<TrainingStatus> {
    return slurmTrainingStatus(await this.job(jobId));
  }

  async logs(jobId: string): Promise<string> {
    const job = await this.job(jobId);
    if (!job.standard_output) return "";
    const path = expandSlurmFilename(job.standard_output, { jobId: job.job_id, name: job.name, userName: job.user_name });
    return this.readLog(path);
  }

  /** Cancelling a job that already ended is not an error. */
  async cancel(jobId: string): Promise<void> {
    const { value } = await this.api.call<SlurmPlainResponse>({
      method: "DELETE",
      path: `${this.prefix}/job/${encodeURIComponent(jobId)}`,
      reply: slurmPlainResponseSchema,
      rescue: (response) => (isAlreadyFinished(response) ? {} : undefined),
    });
    const errors = (value.errors ?? []).filter((e) => !ALREADY_FINISHED.test(describeSlurmErrors([e])));
    if (errors.length > 0) throw new TrainingBackendError(`Slurm refused to cancel job ${jobId}: ${describeSlurmErrors(errors)}`);
  }

  /** Throws TrainingJobLostError when Slurm no longer knows the job (slurmctld purged or lost it). */
  private async job(jobId: string): Promise<SlurmJob> {
    const { value } = await this.api.call({
      method: "GET",
      path: `${this.prefix}/job/${encodeURIComponent(jobId)}`,
      reply: slurmJobsResponseSchema,
      // Some slurmrestd releases answer an unknown id with an error status rather than an empty list.
      rescue: (response) =>
        response.status >= 400 && INVALID_JOB_ID.test(response.text)
          ? { jobs: [], errors: [{ description: "Invalid job id specified" }] }
          : undefined,
    });
    const job = value.jobs[0];
    if (!job)
      throw new TrainingJobLostError(jobId, `Slurm knows no job ${jobId}: ${describeSlurmErrors(value.errors) || "empty jobs list"}`);
    return job;
  }

  private async findJobByName(name: string): Promise<SlurmJob | undefined> {
    const { value } = await this.api.call({ method: "GET", path: `${this.prefix}/jobs`, reply: slurmJobsResponseSchema });
    const matches = value.jobs.filter((job) => job.name === name && (job.user_name ?? this.config.userName) === this.config.userName);
    return matches.sort((a, b) => b.job_id - a.job_id)[0];
  }

  private submitBody(spec: ParsedTrainingJobSpec): SlurmSubmitRequestBody {
    const cwd = spec.workingDirectory ?? this.config.workingDirectory;
    const env: Record<string, string> = {
      PATH: DEFAULT_PATH,
      ...this.config.environment,
      ...cycleEnvironment(spec.cycleIndex, spec.outputDir),
      ...spec.env,
    };
    const gpus = spec.gpus ?? this.config.gpusPerNode;
    return {
      job: {
        script: `#!/bin/bash\nset -euo pipefail\nexec ${llamaFactoryTrainCommand(spec.configPath, this.config.llamafactoryCli)}\n`,
        environment: Object.entries(env).map(([name, value]) => `${name}=${value}`),
        current_working_directory: cwd,
        name: spec.submissionId,
        // Beside the output directory, not in it: LLaMA-Factory refuses a non-empty output_dir.
        standard_output: `${cwd.replace(/\/+$/, "")}/${spec.submissionId}-%j.log`,
        ...(this.config.partition ? { partition: this.config.partition } : {}),
        ...(gpus > 0 ? { tres_per_node: `gres/gpu:${gpus}` } : {}),
        ...(this.config.timeLimitMinutes ? { time_limit: { set: true, infinite: false, number: this.config.timeLimitMinutes } } : {}),
      },
    };
  }
}

const ALREADY_FINISHED = /already (completing or )?complete|job has already finished|already finished/i;

const INVALID_JOB_ID = /invalid job id/i;

function isAlreadyFinished(response: HttpResponse): boolean {
  return response.status >= 400 && ALREADY_FINISHED.test(response.text);
}
