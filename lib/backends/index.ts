/**
 * Remote GPU backends: the inference client (OpenAI-compatible chat completions with video) and
 * the training clients (Ray Jobs, Slurm REST) running LLaMA-Factory LoRA SFT. The simulator has
 * its own entry point (lib/backends/simulator).
 */
export {
  breakerConfigSchema,
  framesConfigSchema,
  inferenceBackendConfigSchema,
  isSimulatorBackend,
  parseInferenceBackendConfig,
  parseTrainingBackendConfig,
  rayBackendConfigSchema,
  retryConfigSchema,
  slurmBackendConfigSchema,
  trainingBackendConfigSchema,
  type InferenceBackendConfig,
  type InferenceBackendConfigInput,
  type RayBackendConfig,
  type SlurmBackendConfig,
  type TrainingBackendConfig,
  type TrainingBackendConfigInput,
} from "@/lib/backends/config";
export {
  BackendError,
  CircuitOpenError,
  FrameSamplingError,
  HttpStatusError,
  LoraConflictError,
  MalformedReplyError,
  NetworkError,
  RequestTimeoutError,
  TrainingBackendError,
  isRetryable,
} from "@/lib/backends/errors";
export type { CircuitState } from "@/lib/backends/http/circuit-breaker";
export type { ResilienceDeps } from "@/lib/backends/http/resilient-caller";
export { targetSchema, type LabelType, type Target } from "@/lib/backends/target";

// Inference
export { InferenceClient, type InferenceClientDeps, type ServedModel } from "@/lib/backends/inference/client";
export { createInferenceClient } from "@/lib/backends/inference/factory";
export { FrameSampler, evenlySpacedTimes, type FrameSamplingOptions, type VideoTiming } from "@/lib/backends/inference/frames";
export { SIMULATION_FIELD, simulationExtensionSchema, type SimulationExtension } from "@/lib/backends/inference/simulation";
export {
  chatCompletionResponseSchema,
  modelListSchema,
  type ChatCompletionRequestBody,
  type ChatMessage,
  type ContentPart,
} from "@/lib/backends/inference/protocol";
export {
  samplingSchema,
  type Checkpoint,
  type GenerateRequest,
  type GenerateResult,
  type SamplingInput,
  type VideoRef,
} from "@/lib/backends/inference/types";

// Training
export { createTrainingBackend } from "@/lib/backends/training/factory";
export { RayJobsBackend } from "@/lib/backends/training/ray";
export { SlurmBackend, type SlurmBackendDeps } from "@/lib/backends/training/slurm";
export { fileTailReader, type LogReader } from "@/lib/backends/training/log-reader";
export { llamaFactoryTrainCommand } from "@/lib/backends/training/entrypoint";
export { trainingSubmissionId } from "@/lib/backends/training/submission-id";
export {
  TERMINAL_STATES,
  trainingJobSpecSchema,
  type TrainingBackend,
  type TrainingJobSpec,
  type TrainingState,
  type TrainingStatus,
} from "@/lib/backends/training/types";
export {
  buildDatasetInfo,
  buildDatasetInfoJson,
  buildLlamaFactoryConfig,
  gradientAccumulationSteps,
  llamaFactoryConfigEntries,
  trainingHyperparametersSchema,
  videoSettingsForFrameSampling,
  videoSettingsSchema,
  type DatasetRegistration,
  type LlamaFactoryRun,
  type TrainingHyperparameters,
  type TrainingHyperparametersInput,
  type VideoSettings,
} from "@/lib/backends/training/llamafactory";
