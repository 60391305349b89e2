import {
  createEmbeddingsClient,
  createInferenceClient,
  createTrainingBackend,
  type EmbeddingsClient,
  type InferenceClient,
  type TrainingBackend,
} from "@/lib/backends";
import { resolveBackendConfig } from "@/lib/backends/registry";
import { findBackend, type BackendRow } from "../db/catalog-repository";

/**
 * One client per backend per process: the concurrency limit, circuit breaker and loaded adapters
 * live in it. A backend edited since (updatedAt) gets a fresh client.
 */
const inference = new Map<string, InferenceClient>();
const training = new Map<string, TrainingBackend>();
const embeddings = new Map<string, EmbeddingsClient>();

export interface InferenceHandle {
  client: InferenceClient;
  simulated: boolean;
}

export async function inferenceClientFor(backendId: number): Promise<InferenceHandle> {
  const row = await backendOrThrow(backendId);
  const key = cacheKey(row);
  let client = inference.get(key);
  if (!client) {
    const resolved = resolveBackendConfig(row);
    if (resolved.role !== "INFERENCE")
      throw new Error(`backend "${row.name}" is a ${resolved.role.toLowerCase()} backend, not an inference backend`);
    client = createInferenceClient(resolved.config);
    inference.set(key, client);
  }
  return { client, simulated: row.isSimulator || client.isSimulator };
}

export async function trainingBackendFor(backendId: number): Promise<{ backend: TrainingBackend; simulated: boolean }> {
  const row = await backendOrThrow(backendId);
  const key = cacheKey(row);
  let backend = training.get(key);
  if (!backend) {
    const resolved = resolveBackendConfig(row);
    if (resolved.role !== "TRAINING") throw new Error(`backend "${row.name}" is not a training backend`);
    backend = createTrainingBackend(resolved.config);
    training.set(key, backend);
  }
  return { backend, simulated: row.isSimulator || backend.kind === "simulator-ray" };
}

export async function embeddingsClientFor(backendId: number): Promise<{ client: EmbeddingsClient; simulated: boolean }> {
  const row = await backendOrThrow(backendId);
  const key = cacheKey(row);
  let client = embeddings.get(key);
  if (!client) {
    const resolved = resolveBackendConfig(row);
    if (resolved.role !== "EMBEDDINGS") throw new Error(`backend "${row.name}" is not an embeddings backend`);
    client = createEmbeddingsClient(resolved.config);
    embeddings.set(key, client);
  }
  return { client, simulated: row.isSimulator || client.isSimulator };
}

async function backendOrThrow(backendId: number): Promise<BackendRow> {
  const row = await findBackend({ id: backendId });
  if (!row) throw new Error(`backend ${backendId} no longer exists`);
  return row;
}

function cacheKey(row: BackendRow): string {
  return `${row.id}:${row.updatedAt.getTime()}`;
}
