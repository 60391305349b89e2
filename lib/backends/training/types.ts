import { z } from "zod";
import { parseOrExplain } from "@/lib/backends/validation";

export type TrainingState = "pending" | "running" | "succeeded" | "failed" | "cancelled";

export interface TrainingStatus {
  state: TrainingState;
  message?: string;
}

/** A cluster engine that runs the trainer: Ray Jobs or Slurm. */
export interface TrainingBackend {
  readonly kind: "ray" | "simulator-ray" | "slurm";
  submit(spec: TrainingJobSpec): Promise<{ jobId: string }>;
  status(jobId: string): Promise<TrainingStatus>;
  logs(jobId: string): Promise<string>;
  /** Why this backend cannot show a job's log (it lives where this app cannot read it); undefined when it can. */
  logsUnavailable?(jobId: string): string | undefined;
  cancel(jobId: string): Promise<void>;
}

export const TERMINAL_STATES: ReadonlySet<TrainingState> = new Set(["succeeded", "failed", "cancelled"]);

const clusterPath = z.string().startsWith("/", "must be an absolute path on the cluster");

/** One LLaMA-Factory run of one cycle; paths are on the cluster's shared filesystem. */
export const trainingJobSpecSchema = z.object({
  /** Deterministic per cycle (see trainingSubmissionId), so a retried submit finds the first one. */
  submissionId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, "submissionId must be 1-128 of [A-Za-z0-9_.-]"),
  cycleIndex: z.int().min(0),
  /** The LLaMA-Factory YAML (see buildLlamaFactoryConfig). */
  configPath: clusterPath,
  /** Where the adapter is written; must equal the YAML's output_dir. */
  outputDir: clusterPath,
  workingDirectory: clusterPath.optional(),
  /** Training examples in the exported dataset (records written), passed along for the job's own report. */
  examples: z.int().min(0).optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "environment names must be shell identifiers"), z.string()).default({}),
  /**
   * The job's command instead of `llamafactory-cli train <configPath>` (a benchmark job runs
   * lmms-eval); `configPath` then names the job's main input file for the record.
   */
  command: z.string().min(1).optional(),
  /** GPUs for the run; defaults to the backend's setting. */
  gpus: z.int().min(0).optional(),
});

export type TrainingJobSpec = z.input<typeof trainingJobSpecSchema>;
export type ParsedTrainingJobSpec = z.output<typeof trainingJobSpecSchema>;

export function parseTrainingJobSpec(spec: TrainingJobSpec): ParsedTrainingJobSpec {
  return parseOrExplain(trainingJobSpecSchema, spec, "training job spec");
}
