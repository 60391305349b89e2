import { parseEmbeddingsBackendConfig } from "@/lib/backends/config";
import { EmbeddingsClient } from "@/lib/backends/embeddings/client";
import type { ResilienceDeps } from "@/lib/backends/http/resilient-caller";

/** An embeddings client from its stored configuration (validated here). */
export function createEmbeddingsClient(config: unknown, deps: ResilienceDeps = {}): EmbeddingsClient {
  return new EmbeddingsClient(parseEmbeddingsBackendConfig(config), deps);
}
