/**
 * Remote GPU backends: the inference client (OpenAI-compatible chat completions with video) and
 * the training clients (Ray Jobs, Slurm REST) running LLaMA-Factory LoRA SFT. The simulator has
 * its own entry point (lib/backends/simulator).
 */
export {
  embeddingsBackendConfigSchema,
  inferenceBackendConfigSchema,
  isSimulatorBackend,
  parseEmbeddingsBackendConfig,
  parseInferenceBackendConfig,
  parseTrainingBackendConfig,
  trainingBackendConfigSchema,
  type EmbeddingsBackendConfig,
  type InferenceBackendConfig,
  type RayBackendConfig,
  type SlurmBackendConfig,
  type TrainingBackendConfig,
} from "@/lib/backends/config";
export {
  CircuitOpenError,
  FrameSamplingError,
  isRetryable,
  HttpStatusError,
  LoraConflictError,
  MalformedReplyError,
  NetworkError,
  RequestTimeoutError,
  TrainingJobLostError,
} from "@/lib/backends/errors";

// Inference
export { InferenceClient } from "@/lib/backends/inference/client";
export { createInferenceClient } from "@/lib/backends/inference/factory";
export type {
  Checkpoint,
  GenerateResult,
} from "@/lib/backends/inference/types";

// Embeddings (the verifier's sentence rules and question-answering spans)
export { EmbeddingsClient } from "@/lib/backends/embeddings/client";
export { createEmbeddingsClient } from "@/lib/backends/embeddings/factory";

// Training
export { createTrainingBackend } from "@/lib/backends/training/factory";
export { trainingSubmissionId } from "@/lib/backends/training/submission-id";
export {
  TERMINAL_STATES,
  type TrainingBackend,
  type TrainingState,
} from "@/lib/backends/training/types";
export {
  buildDatasetInfo,
  buildLlamaFactoryConfig,
  trainingHyperparametersSchema,
  videoSettingsSchema,
} from "@/lib/backends/training/llamafactory";
