import { z } from "zod";

/** slurmrestd v0.0.41 (Slurm 24.05) request and reply shapes used here. */

export const SLURM_API_VERSION = "v0.0.41";

interface SlurmJobDescription {
  script: string;
  /** "NAME=value" strings; slurmrestd passes no environment of its own. */
  environment: string[];
  current_working_directory: string;
  name: string;
  standard_output: string;
  partition?: string;
  tres_per_node?: string;
  time_limit?: { set: boolean; infinite: boolean; number: number };
}

export interface SlurmSubmitRequestBody {
  job: SlurmJobDescription;
}

const slurmMessageSchema = z.object({
  description: z.string().optional(),
  error: z.string().optional(),
  error_number: z.int().optional(),
  source: z.string().optional(),
});

const diagnostics = {
  errors: z.array(slurmMessageSchema).optional(),
  warnings: z.array(z.object({ description: z.string().optional(), source: z.string().optional() })).optional(),
};

/** v0.0.41 puts job_id at the top level; v0.0.40 nested it under `result`. Both are read. */
export const slurmSubmitResponseSchema = z.object({
  job_id: z.int().optional(),
  step_id: z.string().optional(),
  job_submit_user_msg: z.string().optional(),
  result: z.object({ job_id: z.int().optional() }).optional(),
  ...diagnostics,
});

const slurmJobSchema = z.object({
  job_id: z.int(),
  name: z.string().optional(),
  user_name: z.string().optional(),
  /** An array of state and flags since v0.0.40 (["RUNNING", "COMPLETING"]); a string before. */
  job_state: z.union([z.array(z.string()).min(1), z.string().min(1)]),
  state_reason: z.string().optional(),
  state_description: z.string().optional(),
  standard_output: z.string().optional(),
  current_working_directory: z.string().optional(),
});

export const slurmJobsResponseSchema = z.object({
  jobs: z.array(slurmJobSchema),
  ...diagnostics,
});

export const slurmPlainResponseSchema = z.object({ ...diagnostics });

export type SlurmJob = z.infer<typeof slurmJobSchema>;
export type SlurmPlainResponse = z.infer<typeof slurmPlainResponseSchema>;
export type SlurmMessage = z.infer<typeof slurmMessageSchema>;

export function describeSlurmErrors(errors: SlurmMessage[] | undefined): string {
  return (errors ?? []).map((e) => e.description || e.error || `error ${e.error_number ?? "?"}`).join("; ");
}
