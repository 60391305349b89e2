import { DEFAULT_BASE_MODEL } from "@/lib/backends/simulator";
import { ensureBaseCheckpoint, upsertSimulatorBackend } from "@/lib/cycles/db/catalog-repository";

const DEMO_INFERENCE_BACKEND = "simulator";
const DEMO_TRAINING_BACKEND = "simulator-ray";
const DEFAULT_SIM_URL = "http://127.0.0.1:8765";

/** Where the simulator `npm start` runs is reached (SIM_URL). */
function simulatorUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.SIM_URL ?? DEFAULT_SIM_URL).replace(/\/+$/, "");
}

/**
 * Demo backends: the simulator as inference (vLLM-compatible) and training (Ray Jobs) backend, and
 * the base checkpoint it serves. Idempotent: runs on every demo start; a restart on another port
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
  await ensureBaseCheckpoint(DEFAULT_BASE_MODEL, true);
}
