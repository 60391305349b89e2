import { z } from "zod";
import { SLURM_API_VERSIONS } from "@/lib/backends/training/slurm-protocol";
import { parseOrExplain } from "@/lib/backends/validation";

const baseUrl = z.url({ protocol: /^https?$/, error: "baseUrl must be an http(s) URL" }).transform((url) => url.replace(/\/+$/, ""));

const retryConfigSchema = z.preprocess(
  // A bare number is shorthand for { max: n }.
  (value) => (typeof value === "number" ? { max: value } : value),
  z.object({
    max: z.int().min(0).max(20).default(3),
    baseDelayMs: z.int().min(0).default(500),
    maxDelayMs: z.int().min(0).default(20_000),
    maxRetryAfterMs: z.int().min(0).default(60_000),
  }),
);

const breakerConfigSchema = z.object({
  failureThreshold: z.int().min(1).default(5),
  cooldownMs: z.int().min(1).default(30_000),
});

const framesConfigSchema = z.object({
  /** Frames sampled evenly over the clip. */
  count: z.int().min(1).max(64).default(8),
  /** Longest side of a frame, in pixels (never upscaled). */
  maxSize: z.int().min(16).max(4096).default(448),
});

/** An OpenAI-compatible chat-completions server (vLLM, SGLang, Ollama) or the project's simulator. */
export const inferenceBackendConfigSchema = z.object({
  kind: z.enum(["openai", "simulator"]),
  baseUrl,
  apiKey: z.string().min(1).optional(),
  /** The base model's name as the server serves it. */
  model: z.string().min(1),
  videoInput: z.enum(["video_url", "frames"]).default("video_url"),
  frames: framesConfigSchema.prefault({}),
  maxConcurrency: z.int().min(1).max(1024).default(8),
  timeoutMs: z.int().min(1).default(120_000),
  retries: retryConfigSchema.prefault({}),
  breaker: breakerConfigSchema.prefault({}),
});

/**
 * An OpenAI-compatible embeddings server (`POST /v1/embeddings`: vLLM, text-embeddings-inference,
 * Infinity) or the project's simulator, for the verifier's sentence rules. It may also serve an
 * extractive question-answering model (the Hugging Face question-answering task:
 * `POST {baseUrl}{path} {inputs: {question, context}}` → `{answer, score, start, end}`), which the
 * `reference-code` preset uses where the released parser cuts answers down to a span.
 */
export const embeddingsBackendConfigSchema = z.object({
  kind: z.enum(["openai", "simulator"]),
  baseUrl,
  apiKey: z.string().min(1).optional(),
  /** The embedding model's name as the server serves it (the released code uses all-MiniLM-L6-v2). */
  model: z.string().min(1),
  /** Texts per request; larger inputs are split into several requests. */
  maxBatchSize: z.int().min(1).max(4096).default(256),
  maxConcurrency: z.int().min(1).max(256).default(4),
  timeoutMs: z.int().min(1).default(30_000),
  retries: retryConfigSchema.prefault({}),
  breaker: breakerConfigSchema.prefault({}),
  questionAnswering: z
    .object({
      /** transformers' default for pipeline("question-answering"), which the released parser uses. */
      model: z.string().min(1).default("distilbert/distilbert-base-cased-distilled-squad"),
      /** Where the task is served; default `/models/<model>` (the Hugging Face Inference API's path). */
      path: z.string().startsWith("/", "path must start with /").optional(),
    })
    .optional(),
});

const trainingCommon = {
  baseUrl,
  timeoutMs: z.int().min(1).default(30_000),
  retries: retryConfigSchema.prefault({}),
  breaker: breakerConfigSchema.prefault({}),
  /** The trainer's command on the cluster. */
  llamafactoryCli: z.string().min(1).default("llamafactory-cli"),
};

/** Ray's Jobs REST API on the dashboard (default port 8265); `simulator-ray` is the project's simulator. */
const rayBackendConfigSchema = z.object({
  kind: z.enum(["ray", "simulator-ray"]),
  ...trainingCommon,
  /** Sent as a bearer token, for dashboards behind an authenticating proxy. */
  authToken: z.string().min(1).optional(),
  entrypointNumGpus: z.number().min(0).default(1),
  runtimeEnv: z.record(z.string(), z.unknown()).default({}),
});

const clusterDirectory = z.string().startsWith("/", "must be an absolute path");

/**
 * How this app reaches the files Slurm jobs write (their logs): `false`, it does not share the
 * cluster's filesystem; `true`, it does, at the same paths; or a mount of the cluster's
 * `clusterPath` at `localPath` here.
 */
const sharedFilesystemSchema = z.union([
  z.boolean(),
  z.object({ clusterPath: clusterDirectory, localPath: clusterDirectory }).transform(({ clusterPath, localPath }) => ({
    clusterPath: clusterPath.replace(/(.)\/+$/, "$1"),
    localPath: localPath.replace(/(.)\/+$/, "$1"),
  })),
]);

/** slurmrestd; the API version is the newest both sides speak unless `apiVersion` pins one. */
const slurmBackendConfigSchema = z.object({
  kind: z.literal("slurm"),
  ...trainingCommon,
  apiVersion: z.enum(SLURM_API_VERSIONS, { error: `apiVersion must be one of ${SLURM_API_VERSIONS.join(", ")}` }).optional(),
  userName: z.string().min(1),
  /** A JWT from `scontrol token`. */
  userToken: z.string().min(1),
  /** Default working directory on the cluster when a job names none. */
  workingDirectory: z.string().startsWith("/", "workingDirectory must be an absolute cluster path"),
  partition: z.string().min(1).optional(),
  gpusPerNode: z.int().min(0).default(1),
  timeLimitMinutes: z.int().min(1).optional(),
  /** Variables every job gets (PATH, conda activation, HF_HOME...). */
  environment: z.record(z.string(), z.string()).default({}),
  /** Look for a live job of the same name before submitting, so a retried submit is not doubled. */
  dedupeByName: z.boolean().default(true),
  sharedFilesystem: sharedFilesystemSchema.default(false),
});

export const trainingBackendConfigSchema = z.discriminatedUnion("kind", [rayBackendConfigSchema, slurmBackendConfigSchema]);

export type InferenceBackendConfig = z.output<typeof inferenceBackendConfigSchema>;
export type InferenceBackendConfigInput = z.input<typeof inferenceBackendConfigSchema>;
export type EmbeddingsBackendConfig = z.output<typeof embeddingsBackendConfigSchema>;
export type RayBackendConfig = z.output<typeof rayBackendConfigSchema>;
export type SlurmBackendConfig = z.output<typeof slurmBackendConfigSchema>;
export type TrainingBackendConfig = z.output<typeof trainingBackendConfigSchema>;
export type TrainingBackendConfigInput = z.input<typeof trainingBackendConfigSchema>;

export function isSimulatorBackend(config: InferenceBackendConfig | EmbeddingsBackendConfig | TrainingBackendConfig): boolean {
  return config.kind === "simulator" || config.kind === "simulator-ray";
}

/** Parses a stored backend configuration, naming every invalid field. */
export function parseInferenceBackendConfig(input: unknown, source = "inference backend"): InferenceBackendConfig {
  return parseOrExplain(inferenceBackendConfigSchema, input, `${source} configuration`);
}

export function parseEmbeddingsBackendConfig(input: unknown, source = "embeddings backend"): EmbeddingsBackendConfig {
  return parseOrExplain(embeddingsBackendConfigSchema, input, `${source} configuration`);
}

export function parseTrainingBackendConfig(input: unknown, source = "training backend"): TrainingBackendConfig {
  return parseOrExplain(trainingBackendConfigSchema, input, `${source} configuration`);
}
