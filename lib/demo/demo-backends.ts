import { DEFAULT_BASE_MODEL, DEFAULT_EMBEDDING_MODEL, DEFAULT_QUESTION_ANSWERING_MODEL } from "@/lib/backends/simulator";
import { ensureBaseCheckpoint, upsertSimulatorBackend } from "@/lib/cycles/db/catalog-repository";

const DEMO_INFERENCE_BACKEND = "simulator";
const DEMO_TRAINING_BACKEND = "simulator-ray";
const DEMO_EMBEDDINGS_BACKEND = "simulator-embeddings";
const DEFAULT_SIM_URL = "http://127.0.0.1:8765";

/** Where the simulator `npm start` runs is reached (SIM_URL). */
function simulatorUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.SIM_URL ?? DEFAULT_SIM_URL).replace(/\/+$/, "");
}

/**
 * Demo backends: the simulator as inference (vLLM-compatible), training (Ray Jobs) and embeddings
 * backend (`/v1/embeddings` and a simulated question-answering model, for the verifier's sentence
 * rules), all marked simulated, and the base checkpoint it serves. Idempotent: runs on every demo start; a restart on another port
 * only updates the URL, never settings an admin changed.
 */
export async function seedDemoBackends(): Promise<void> {
  const baseUrl = simulatorUrl();
  await upsertSimulatorBackend({
    name: DEMO_INFERENCE_BACKEND,
    role: "INFERENCE",
    protocol: "simulator",
    baseUrl,
    config: { model: DEFAULT_BASE_MODEL, maxConcurrency: 32, timeoutMs: 60_000 },
  });
  await upsertSimulatorBackend({ name: DEMO_TRAINING_BACKEND, role: "TRAINING", protocol: "simulator-ray", baseUrl, config: {} });
  await upsertSimulatorBackend({
    name: DEMO_EMBEDDINGS_BACKEND,
    role: "EMBEDDINGS",
    protocol: "simulator",
    baseUrl,
    config: { model: DEFAULT_EMBEDDING_MODEL, questionAnswering: { model: DEFAULT_QUESTION_ANSWERING_MODEL } },
  });
  await ensureBaseCheckpoint(DEFAULT_BASE_MODEL, true);
}
