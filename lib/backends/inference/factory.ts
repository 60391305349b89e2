import { parseInferenceBackendConfig, type InferenceBackendConfigInput } from "@/lib/backends/config";
import { InferenceClient, type InferenceClientDeps } from "@/lib/backends/inference/client";

/** An inference client from its stored configuration (validated here). */
export function createInferenceClient(config: InferenceBackendConfigInput | unknown, deps: InferenceClientDeps = {}): InferenceClient {
  return new InferenceClient(parseInferenceBackendConfig(config), deps);
}
