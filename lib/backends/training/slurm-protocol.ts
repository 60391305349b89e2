import { z } from "zod";

/**
 * slurmrestd's job API, v0.0.38 (Slurm 22.05) to v0.0.42 (Slurm 24.11): every difference between
 * the versions that this client meets lives in the table below, and the encoder and decoders read
 * only that table. Shapes follow each version's published OpenAPI description (fixtures in
 * lib/backends/fixtures/slurm/<version>/ carry the keys exactly).
 */

/** Oldest first. */
export const SLURM_API_VERSIONS = ["v0.0.38", "v0.0.39", "v0.0.40", "v0.0.41", "v0.0.42"] as const;
export type SlurmApiVersion = (typeof SLURM_API_VERSIONS)[number];

interface SlurmDialect {
  /** The Slurm release that introduced the version (each release serves the two before it too). */
  slurm: string;
  /** Where the batch script goes: `{script, job}` (v0.0.38 refuses it inside `job`) or `job.script`. */
  script: "top" | "job";
  /** `environment` as `{"NAME": "value"}` (v0.0.38, must not be empty) or `["NAME=value"]`. */
  environment: "object" | "list";
  /** `time_limit` in minutes as a number, or as `{set, infinite, number}`. */
  timeLimit: "number" | "no-val";
  /** How GPUs per node are asked for: v0.0.38 has no `tres_per_node` in a job description. */
  gpus: "gpus_per_node" | "tres_per_node";
  /** `job_state` a string ("COMPLETED") or a list of base state and flags (["RUNNING", "COMPLETING"]). */
  jobState: "string" | "list";
  /**
   * `exit_code`: the raw wait status as a number (v0.0.38) or in `{set, infinite, number}` (v0.0.39),
   * or decoded as `{status, return_code, signal}`.
   */
  exitCode: "wait-status" | "no-val-wait-status" | "verbose";
  /** The submit reply's job id: top level only, or also under `result` (v0.0.40 and v0.0.41). */
  submitJobId: "top" | "top-or-result";
}

const SLURM_DIALECTS: Record<SlurmApiVersion, SlurmDialect> = {
  "v0.0.38": {
    slurm: "22.05",
    script: "top",
    environment: "object",
    timeLimit: "number",
    gpus: "gpus_per_node",
    jobState: "string",
    exitCode: "wait-status",
    submitJobId: "top",
  },
  "v0.0.39": {
    slurm: "23.02",
    script: "job",
    environment: "list",
    timeLimit: "no-val",
    gpus: "tres_per_node",
    jobState: "string",
    exitCode: "no-val-wait-status",
    submitJobId: "top",
  },
  "v0.0.40": {
    slurm: "23.11",
    script: "job",
    environment: "list",
    timeLimit: "no-val",
    gpus: "tres_per_node",
    jobState: "list",
    exitCode: "verbose",
    submitJobId: "top-or-result",
  },
  "v0.0.41": {
    slurm: "24.05",
    script: "job",
    environment: "list",
    timeLimit: "no-val",
    gpus: "tres_per_node",
    jobState: "list",
    exitCode: "verbose",
    submitJobId: "top-or-result",
  },
  "v0.0.42": {
    slurm: "24.11",
    script: "job",
    environment: "list",
    timeLimit: "no-val",
    gpus: "tres_per_node",
    jobState: "list",
    exitCode: "verbose",
    submitJobId: "top",
  },
};

// ---------------------------------------------------------------------------------------------
// Requests

/** A batch job in the client's own terms. */
export interface SlurmJobRequest {
  script: string;
  environment: Record<string, string>;
  currentWorkingDirectory: string;
  name: string;
  standardOutput: string;
  partition?: string;
  gpusPerNode?: number;
  timeLimitMinutes?: number;
}

/** The body of `POST /slurm/<version>/job/submit`. */
export function slurmSubmitBody(version: SlurmApiVersion, job: SlurmJobRequest): Record<string, unknown> {
  const dialect = SLURM_DIALECTS[version];
  const description: Record<string, unknown> = {
    ...(dialect.script === "job" ? { script: job.script } : {}),
    environment:
      dialect.environment === "object"
        ? { ...job.environment }
        : Object.entries(job.environment).map(([name, value]) => `${name}=${value}`),
    current_working_directory: job.currentWorkingDirectory,
    name: job.name,
    standard_output: job.standardOutput,
  };
  if (job.partition) description.partition = job.partition;
  if (job.gpusPerNode && job.gpusPerNode > 0) {
    if (dialect.gpus === "tres_per_node") description.tres_per_node = `gres/gpu:${job.gpusPerNode}`;
    else description.gpus_per_node = String(job.gpusPerNode);
  }
  if (job.timeLimitMinutes !== undefined) {
    description.time_limit =
      dialect.timeLimit === "number" ? job.timeLimitMinutes : { set: true, infinite: false, number: job.timeLimitMinutes };
  }
  return dialect.script === "top" ? { script: job.script, job: description } : { job: description };
}

// ---------------------------------------------------------------------------------------------
// Replies

/** v0.0.38 reports errors as `{error, error_code}` or `{description, source}`; later as `{description, error, error_number, source}`. */
const slurmMessageSchema = z.object({
  description: z.string().optional(),
  error: z.string().optional(),
  error_number: z.int().optional(),
  error_code: z.int().optional(),
  source: z.string().optional(),
});

const diagnostics = {
  errors: z.array(slurmMessageSchema).optional(),
  warnings: z.array(z.object({ description: z.string().optional(), source: z.string().optional() })).optional(),
};

export type SlurmMessage = z.infer<typeof slurmMessageSchema>;

export const slurmPlainReplySchema = z.object({ ...diagnostics });
export type SlurmPlainReply = z.infer<typeof slurmPlainReplySchema>;

export const slurmSubmitReplySchema = z.object({
  job_id: z.int().optional(),
  step_id: z.string().optional(),
  job_submit_user_msg: z.string().optional(),
  result: z.object({ job_id: z.int().optional() }).optional(),
  ...diagnostics,
});
export type SlurmSubmitReply = z.infer<typeof slurmSubmitReplySchema>;

/** The new job's id from a submit reply, where the version puts it. */
export function submittedJobId(version: SlurmApiVersion, reply: SlurmSubmitReply): number | undefined {
  if (reply.job_id !== undefined) return reply.job_id;
  return SLURM_DIALECTS[version].submitJobId === "top-or-result" ? reply.result?.job_id : undefined;
}

/** A job as the client reads it, whatever the version. */
export interface SlurmJobView {
  jobId: number;
  name?: string;
  userName?: string;
  /** The base state, then any flags (a v0.0.38/v0.0.39 state string has one word). */
  state: string[];
  stateReason?: string;
  stateDescription?: string;
  /** As Slurm reports it: possibly still holding filename patterns such as %j. */
  standardOutput?: string;
  /** How the batch script ended, when Slurm says: its exit code, or the signal that ended it. */
  exit?: { code?: number; signal?: number | string };
}

const noValSchema = z.object({ set: z.boolean().optional(), infinite: z.boolean().optional(), number: z.number().optional() });

const verboseExitSchema = z.object({
  status: z.array(z.string()).optional(),
  return_code: noValSchema.optional(),
  signal: z.object({ id: noValSchema.optional(), name: z.string().optional() }).optional(),
});

/** A POSIX wait status: the exit code in the high byte, or the terminating signal in the low 7 bits. */
function fromWaitStatus(status: number): SlurmJobView["exit"] {
  const signal = status & 0x7f;
  return signal === 0 ? { code: status >> 8 } : { signal };
}

const EXIT_CODE_SCHEMAS = {
  "wait-status": z.int().transform(fromWaitStatus),
  "no-val-wait-status": noValSchema.transform((value) =>
    value.set === false || value.number === undefined ? undefined : fromWaitStatus(value.number),
  ),
  verbose: verboseExitSchema.transform((value): SlurmJobView["exit"] => {
    const signal = value.signal?.id?.set ? value.signal.id.number : value.signal?.name || undefined;
    if (signal !== undefined) return { signal };
    const code = value.return_code?.set === false ? undefined : value.return_code?.number;
    return code === undefined ? undefined : { code };
  }),
} as const;

/** Slurm 22.05 sends null for some unset fields. */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

function jobSchema(version: SlurmApiVersion) {
  const dialect = SLURM_DIALECTS[version];
  return z
    .object({
      job_id: z.int(),
      name: optionalText,
      user_name: optionalText,
      job_state: dialect.jobState === "list" ? z.array(z.string()).min(1) : z.string().min(1),
      state_reason: optionalText,
      state_description: optionalText,
      standard_output: optionalText,
      // Informative only: a shape this client did not expect must not stop it from following the job.
      exit_code: EXIT_CODE_SCHEMAS[dialect.exitCode].optional().catch(undefined),
    })
    .transform(
      (job): SlurmJobView => ({
        jobId: job.job_id,
        name: job.name,
        userName: job.user_name,
        state: Array.isArray(job.job_state) ? job.job_state : job.job_state.split(/[\s,+]+/).filter(Boolean),
        stateReason: job.state_reason,
        stateDescription: job.state_description,
        standardOutput: job.standard_output,
        exit: job.exit_code,
      }),
    );
}

/** `GET /slurm/<version>/job/{id}` and `…/jobs`, decoded to SlurmJobView. */
export function slurmJobsReplySchema(version: SlurmApiVersion) {
  return z.object({ jobs: z.array(jobSchema(version)).default([]), ...diagnostics });
}

export function describeSlurmErrors(errors: SlurmMessage[] | undefined): string {
  const text = (errors ?? [])
    .map((e) => {
      const short = e.error && e.error !== e.description ? e.error : undefined;
      if (e.description) return short ? `${e.description} (${short})` : e.description;
      return short ?? `error ${e.error_number ?? e.error_code ?? "?"}`;
    })
    .filter((line, i, all) => all.indexOf(line) === i)
    .join("; ");
  // slurmctld drops a request whose token it rejects; slurmrestd then has no reason to give.
  const unexplained = (errors ?? []).some((e) => [-1, 5005].includes(e.error_number ?? e.error_code ?? 0));
  return unexplained ? `${text} — Slurm gives no reason: a wrong or expired userToken is answered this way` : text;
}

/**
 * Errors meaning slurmrestd could not reach slurmctld (communication and protocol errors, numbered
 * 1000-1999 and 5000-5999): worth retrying, unlike Slurm's verdict on the request itself.
 */
export function isTransientSlurmError(error: SlurmMessage): boolean {
  const code = error.error_number ?? error.error_code;
  if (code !== undefined) return (code >= 1000 && code < 2000) || (code >= 5000 && code < 6000);
  return /unable to contact slurm controller|connection refused|timed out/i.test(`${error.description ?? ""} ${error.error ?? ""}`);
}

// ---------------------------------------------------------------------------------------------
// Version negotiation

export const slurmOpenApiSchema = z.object({ paths: z.record(z.string(), z.unknown()) });

function versionNumber(version: string): number[] {
  return version
    .slice(1)
    .split(".")
    .map((part) => Number(part));
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [versionNumber(a), versionNumber(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export interface ServedSlurmApis {
  /** Every `/slurm/<version>/` API the server describes, oldest first. */
  served: string[];
  /** The newest of them this client speaks (one with a job submit endpoint), if any. */
  chosen: SlurmApiVersion | undefined;
}

/** Reads the versions a slurmrestd serves from its OpenAPI description (paths with or without a trailing slash). */
export function servedSlurmApis(openapi: z.infer<typeof slurmOpenApiSchema>): ServedSlurmApis {
  const served = new Set<string>();
  const submittable = new Set<string>();
  for (const path of Object.keys(openapi.paths)) {
    const match = /^\/slurm\/(v\d+\.\d+\.\d+)\/(.*?)\/?$/.exec(path);
    if (!match?.[1]) continue;
    served.add(match[1]);
    if (match[2] === "job/submit") submittable.add(match[1]);
  }
  const known = SLURM_API_VERSIONS.filter((version) => submittable.has(version));
  return { served: [...served].sort(compareVersions), chosen: known[known.length - 1] };
}
