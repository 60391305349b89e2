/**
 * The GPU-backend simulator: an HTTP server speaking vLLM's OpenAI-compatible API and Ray's
 * Jobs REST API, with a deterministic simulated video language model behind it.
 */
export { startSimulator, type RunningSimulator, type StartOptions } from "./server";
export {
  DEFAULT_BASE_MODEL,
  DEFAULT_EMBEDDING_MODEL,
  parseSimulatorOptions,
  simulatorOptionsSchema,
  type SimulatorOptions,
  type SimulatorOptionsInput,
} from "./options";
export { generateAnswer, describeVideo, type AnswerInput, type SimulatedAnswer } from "./answer-generator";
export { completeChat, SYSTEM_FINGERPRINT, type ChatCompletion } from "./chat-completion";
export { embedText, cosineSimilarity, EMBEDDING_DIMENSIONS } from "./embeddings";
export { correctProbability, hallucinationProbability } from "./yield-model";
export { faultConfigSchema, type FaultConfig } from "./faults";
export { runtimeConfigSchema, type RuntimeConfig, type RuntimeConfigPatch } from "./simulator-state";
export {
  simulationRequestSchema,
  targetSchema,
  type GenerationMode,
  type SimulationRequest,
  type Target,
} from "./targets";
export { optionsFromCli, cliUsage, CLI_DEFAULT_PORT, type CliResult } from "./cli-options";
