/**
 * The GPU-backend simulator: an HTTP server speaking vLLM's OpenAI-compatible API and Ray's
 * Jobs REST API, with a deterministic simulated video language model behind it.
 */
export { startSimulator, type RunningSimulator } from "./server";
export { DEFAULT_BASE_MODEL, DEFAULT_EMBEDDING_MODEL, DEFAULT_QUESTION_ANSWERING_MODEL } from "./options";
export { generateAnswer } from "./answer-generator";
export { targetSchema } from "./targets";
export { optionsFromCli, cliUsage } from "./cli-options";
