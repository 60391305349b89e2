import type { RayBackendConfig } from "@/lib/backends/config";
import { HttpStatusError, TrainingJobLostError } from "@/lib/backends/errors";
import { JsonApi } from "@/lib/backends/http/json-api";
import { ResilientCaller, type ResilienceDeps } from "@/lib/backends/http/resilient-caller";
import type { HttpResponse } from "@/lib/backends/http/send";
import { cycleEnvironment, llamaFactoryTrainCommand, shellQuote } from "@/lib/backends/training/entrypoint";
import {
  rayJobDetailsSchema,
  rayJobLogsSchema,
  rayStopResponseSchema,
  raySubmitResponseSchema,
  type RayJobStatus,
  type RaySubmitResponse,
  type RaySubmitRequestBody,
} from "@/lib/backends/training/ray-protocol";
import {
  parseTrainingJobSpec,
  type ParsedTrainingJobSpec,
  type TrainingBackend,
  type TrainingJobSpec,
  type TrainingState,
  type TrainingStatus,
} from "@/lib/backends/training/types";

const STATE_OF: Record<RayJobStatus, TrainingState> = {
  PENDING: "pending",
  RUNNING: "running",
  SUCCEEDED: "succeeded",
  FAILED: "failed",
  STOPPED: "cancelled",
};

/** Training through Ray's Jobs REST API; job ids are the deterministic submission ids. */
export class RayJobsBackend implements TrainingBackend {
  readonly kind: RayBackendConfig["kind"];
  private readonly api: JsonApi;

  constructor(
    private readonly config: RayBackendConfig,
    deps: ResilienceDeps = {},
  ) {
    this.kind = config.kind;
    const caller = new ResilientCaller(
      { name: `ray ${config.baseUrl}`, maxConcurrency: 4, retry: config.retries, breaker: config.breaker },
      deps,
    );
    const headers: Record<string, string> = config.authToken ? { authorization: `Bearer ${config.authToken}` } : {};
    this.api = new JsonApi({ baseUrl: config.baseUrl, headers, timeoutMs: config.timeoutMs, caller, now: deps.now });
  }

  async submit(input: TrainingJobSpec): Promise<{ jobId: string }> {
    const spec = parseTrainingJobSpec(input);
    const body = this.submitBody(spec);
    const { value } = await this.api.call<RaySubmitResponse>({
      method: "POST",
      path: "/api/jobs/",
      json: body,
      reply: raySubmitResponseSchema,
      rescue: (response) => (isAlreadySubmitted(response) ? { job_id: spec.submissionId } : undefined),
    });
    return { jobId: value.submission_id ?? value.job_id };
  }

  /** Throws TrainingJobLostError when the head answers 404: it no longer knows the job (it restarted). */
  async status(jobId: string): Promise<TrainingStatus> {
    const { value } = await this.api.call({ method: "GET", path: jobPath(jobId), reply: rayJobDetailsSchema }).catch((error: unknown) => {
      if (error instanceof HttpStatusError && error.status === 404)
        throw new TrainingJobLostError(jobId, `Ray knows no job ${jobId} (HTTP 404: ${error.body.trim().slice(0, 200)})`);
      throw error;
    });
    const message = value.message ?? undefined;
    return message ? { state: STATE_OF[value.status], message } : { state: STATE_OF[value.status] };
  }

  async logs(jobId: string): Promise<string> {
    const { value } = await this.api.call({ method: "GET", path: `${jobPath(jobId)}/logs`, reply: rayJobLogsSchema });
    return value.logs;
  }

  /** Stopping a job that already ended answers `stopped: false`, which is fine. */
  async cancel(jobId: string): Promise<void> {
    await this.api.call({ method: "POST", path: `${jobPath(jobId)}/stop`, reply: rayStopResponseSchema });
  }

  private submitBody(spec: ParsedTrainingJobSpec): RaySubmitRequestBody {
    const command = spec.command ?? llamaFactoryTrainCommand(spec.configPath, this.config.llamafactoryCli);
    const configuredEnv = this.config.runtimeEnv.env_vars;
    return {
      entrypoint: spec.workingDirectory ? `cd ${shellQuote(spec.workingDirectory)} && ${command}` : command,
      submission_id: spec.submissionId,
      runtime_env: {
        ...this.config.runtimeEnv,
        env_vars: {
          ...(isStringRecord(configuredEnv) ? configuredEnv : {}),
          ...cycleEnvironment(spec.cycleIndex, spec.outputDir),
          ...spec.env,
        },
      },
      metadata: {
        vstar_cycle_index: String(spec.cycleIndex),
        vstar_output_dir: spec.outputDir,
        vstar_submission_id: spec.submissionId,
        ...(spec.examples === undefined ? {} : { vstar_num_examples: String(spec.examples) }),
      },
      entrypoint_num_gpus: spec.gpus ?? this.config.entrypointNumGpus,
    };
  }
}

function jobPath(jobId: string): string {
  return `/api/jobs/${encodeURIComponent(jobId)}`;
}

/**
 * A resubmitted submission id. Ray's head wraps the agent's ValueError ("Job with submission_id …
 * already exists") as 400 or, in some releases, as a 500 traceback; both mean "submitted".
 */
function isAlreadySubmitted(response: HttpResponse): boolean {
  return response.status >= 400 && /already exists/i.test(response.text);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}
