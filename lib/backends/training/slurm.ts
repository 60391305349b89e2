import path from "node:path";
import type { z } from "zod";
import type { SlurmBackendConfig } from "@/lib/backends/config";
import { HttpStatusError, TrainingBackendError, TrainingJobLostError } from "@/lib/backends/errors";
import { JsonApi } from "@/lib/backends/http/json-api";
import { ResilientCaller, type ResilienceDeps } from "@/lib/backends/http/resilient-caller";
import type { HttpRequest, HttpResponse } from "@/lib/backends/http/send";
import { cycleEnvironment, llamaFactoryTrainCommand } from "@/lib/backends/training/entrypoint";
import { expandSlurmFilename, fileTailReader, type LogReader } from "@/lib/backends/training/log-reader";
import {
  describeSlurmErrors,
  isTransientSlurmError,
  servedSlurmApis,
  slurmJobsReplySchema,
  slurmOpenApiSchema,
  slurmPlainReplySchema,
  slurmSubmitBody,
  slurmSubmitReplySchema,
  submittedJobId,
  type SlurmApiVersion,
  type SlurmJobView,
  type SlurmMessage,
  type SlurmPlainReply,
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

/** Where slurmrestd describes itself; /openapi is the older name of the same document. */
const OPENAPI_PATHS = ["/openapi/v3", "/openapi"];

type WithErrors = { errors?: SlurmMessage[] };

/**
 * Training through slurmrestd, authenticated by user name and JWT. It asks the server which API
 * versions it serves and speaks the newest it knows (v0.0.38 to v0.0.42), unless the backend's
 * `apiVersion` pins one.
 */
export class SlurmBackend implements TrainingBackend {
  readonly kind = "slurm" as const;
  private readonly api: JsonApi;
  private readonly readLog: LogReader;
  private negotiated: Promise<SlurmApiVersion> | undefined;

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

  /** The API version spoken: the pinned one, or the newest this client and the server share (asked once). */
  apiVersion(): Promise<SlurmApiVersion> {
    if (this.config.apiVersion) return Promise.resolve(this.config.apiVersion);
    this.negotiated ??= this.negotiate().catch((error: unknown) => {
      this.negotiated = undefined;
      throw error;
    });
    return this.negotiated;
  }

  /**
   * Slurm has no idempotency key: the job is named by its submission id and, unless disabled, a
   * job of that name and user found in the queue is returned instead of submitting a second one.
   */
  async submit(input: TrainingJobSpec): Promise<{ jobId: string }> {
    const spec = parseTrainingJobSpec(input);
    if (this.config.dedupeByName) {
      const existing = await this.findJobByName(spec.submissionId);
      if (existing) return { jobId: String(existing.jobId) };
    }
    const version = await this.apiVersion();
    const value = await this.call(version, "POST", "/job/submit", slurmSubmitReplySchema, slurmSubmitBody(version, this.jobRequest(spec)));
    const jobId = submittedJobId(version, value);
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

  logsUnavailable(jobId: string): string | undefined {
    if (this.config.sharedFilesystem !== false) return undefined;
    return (
      `Slurm writes job ${jobId}'s log on the cluster (in ${this.config.workingDirectory}, as <job name>-${jobId}.log); ` +
      "this app does not share the cluster's filesystem, so it cannot show it (backend setting sharedFilesystem)"
    );
  }

  async logs(jobId: string): Promise<string> {
    const unavailable = this.logsUnavailable(jobId);
    if (unavailable) throw new TrainingBackendError(unavailable);
    const job = await this.job(jobId);
    if (!job.standardOutput) return "";
    const clusterFile = expandSlurmFilename(job.standardOutput, { jobId: job.jobId, name: job.name, userName: job.userName });
    return this.readLog(this.localPath(clusterFile));
  }

  /** Cancelling a job that already ended is not an error. */
  async cancel(jobId: string): Promise<void> {
    const version = await this.apiVersion();
    const value = await this.call<SlurmPlainReply>(
      version,
      "DELETE",
      `/job/${encodeURIComponent(jobId)}`,
      slurmPlainReplySchema,
      undefined,
      (response) => (isAlreadyFinished(response) ? {} : undefined),
    );
    const errors = (value.errors ?? []).filter((e) => !ALREADY_FINISHED.test(describeSlurmErrors([e])));
    if (errors.length > 0) throw new TrainingBackendError(`Slurm refused to cancel job ${jobId}: ${describeSlurmErrors(errors)}`);
  }

  /** Throws TrainingJobLostError when Slurm no longer knows the job (slurmctld purged or lost it). */
  private async job(jobId: string): Promise<SlurmJobView> {
    const version = await this.apiVersion();
    const value = await this.call(
      version,
      "GET",
      `/job/${encodeURIComponent(jobId)}`,
      slurmJobsReplySchema(version),
      undefined,
      (response) =>
        // Some slurmrestd releases answer an unknown id with an error status and no Slurm error body.
        response.status >= 400 && INVALID_JOB_ID.test(response.text) && !response.text.trimStart().startsWith("{")
          ? { jobs: [], errors: [{ description: "Invalid job id specified" }] }
          : undefined,
    );
    const job = value.jobs[0];
    if (!job)
      throw new TrainingJobLostError(jobId, `Slurm knows no job ${jobId}: ${describeSlurmErrors(value.errors) || "empty jobs list"}`);
    return job;
  }

  private async findJobByName(name: string): Promise<SlurmJobView | undefined> {
    const version = await this.apiVersion();
    const value = await this.call(version, "GET", "/jobs", slurmJobsReplySchema(version));
    const matches = value.jobs.filter((job) => job.name === name && (job.userName ?? this.config.userName) === this.config.userName);
    return matches.sort((a, b) => b.jobId - a.jobId)[0];
  }

  /**
   * One call to `/slurm/<version><path>`. A non-2xx reply carrying Slurm's own errors (bad
   * partition, unknown job...) is Slurm's answer, returned to the caller rather than retried;
   * errors saying slurmctld could not be reached are retried like any 5xx.
   */
  private async call<T extends WithErrors>(
    version: SlurmApiVersion,
    method: HttpRequest["method"],
    path: string,
    reply: z.ZodType<T>,
    json?: unknown,
    rescue?: (response: HttpResponse) => T | undefined,
  ): Promise<T> {
    const fullPath = `/slurm/${version}${path}`;
    try {
      const { value } = await this.api.call<T>({
        method,
        path: fullPath,
        json,
        reply,
        rescue: (response) => rescue?.(response) ?? (response.status >= 400 ? slurmVerdict(response.text, reply) : undefined),
      });
      return value;
    } catch (error) {
      const answer = error instanceof HttpStatusError && error.status >= 500 ? slurmVerdict(error.body, reply, true) : undefined;
      if (answer) {
        throw new TrainingBackendError(`slurmrestd could not complete ${method} ${fullPath}: ${describeSlurmErrors(answer.errors)}`);
      }
      if (error instanceof HttpStatusError && error.status === 404) {
        // The server no longer serves this version (an upgrade): ask again next time.
        this.negotiated = undefined;
        const pinned = this.config.apiVersion ? " (pinned by the backend's apiVersion setting)" : "";
        throw new TrainingBackendError(
          `slurmrestd at ${this.config.baseUrl} does not serve ${method} ${fullPath}: API ${version}${pinned} is not available there`,
        );
      }
      throw error;
    }
  }

  private async negotiate(): Promise<SlurmApiVersion> {
    let lastError: unknown;
    for (const path of OPENAPI_PATHS) {
      try {
        const { value } = await this.api.call({ method: "GET", path, reply: slurmOpenApiSchema });
        const { served, chosen } = servedSlurmApis(value);
        if (chosen) return chosen;
        throw new TrainingBackendError(
          `slurmrestd at ${this.config.baseUrl} serves ${served.length > 0 ? served.join(", ") : "no slurm API"}; ` +
            "this app speaks v0.0.38 to v0.0.42 (start slurmrestd with one of them, e.g. -s openapi/v0.0.38 on Slurm 22.05)",
        );
      } catch (error) {
        if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
        lastError = error;
      }
    }
    throw new TrainingBackendError(
      `slurmrestd at ${this.config.baseUrl} describes no API at ${OPENAPI_PATHS.join(" or ")} (${lastError instanceof Error ? lastError.message : String(lastError)}); set the backend's apiVersion to pin one`,
    );
  }

  /** Where this app reads a file the cluster wrote at `clusterFile`. */
  private localPath(clusterFile: string): string {
    const shared = this.config.sharedFilesystem;
    if (typeof shared !== "object") return clusterFile;
    const relative = path.posix.relative(shared.clusterPath, clusterFile);
    if (relative.startsWith("..") || path.posix.isAbsolute(relative)) {
      throw new TrainingBackendError(`the job's log ${clusterFile} is outside ${shared.clusterPath}, the cluster folder this app mounts`);
    }
    return path.join(shared.localPath, ...relative.split("/"));
  }

  private jobRequest(spec: ParsedTrainingJobSpec) {
    const cwd = spec.workingDirectory ?? this.config.workingDirectory;
    const gpus = spec.gpus ?? this.config.gpusPerNode;
    return {
      script: `#!/bin/bash\nset -euo pipefail\nexec ${spec.command ?? llamaFactoryTrainCommand(spec.configPath, this.config.llamafactoryCli)}\n`,
      environment: { PATH: DEFAULT_PATH, ...this.config.environment, ...cycleEnvironment(spec.cycleIndex, spec.outputDir), ...spec.env },
      currentWorkingDirectory: cwd,
      name: spec.submissionId,
      // Beside the output directory, not in it: LLaMA-Factory refuses a non-empty output_dir.
      standardOutput: `${cwd.replace(/\/+$/, "")}/${spec.submissionId}-%j.log`,
      partition: this.config.partition,
      gpusPerNode: gpus,
      timeLimitMinutes: this.config.timeLimitMinutes,
    };
  }
}

/**
 * Slurm's own refusal of a request, from the body of a non-2xx reply: undefined when the body is
 * not one, or when it says slurmctld could not be reached (worth retrying) unless `transient` asks for those.
 */
function slurmVerdict<T extends WithErrors>(body: string, reply: z.ZodType<T>, transient = false): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = reply.safeParse(json);
  if (!parsed.success) return undefined;
  const errors = parsed.data.errors ?? [];
  if (errors.length === 0) return undefined;
  return transient || !errors.some(isTransientSlurmError) ? parsed.data : undefined;
}

const ALREADY_FINISHED = /already (completing or )?complete|job has already finished|already finished/i;

const INVALID_JOB_ID = /invalid job id/i;

function isAlreadyFinished(response: HttpResponse): boolean {
  return response.status >= 400 && ALREADY_FINISHED.test(response.text);
}
