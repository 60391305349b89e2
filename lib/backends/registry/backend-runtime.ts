import { unavailable } from "@/lib/errors/domain-error";
import {
  parseEmbeddingsBackendConfig,
  parseInferenceBackendConfig,
  parseTrainingBackendConfig,
  type EmbeddingsBackendConfig,
  type InferenceBackendConfig,
  type TrainingBackendConfig,
} from "@/lib/backends";
import { isBackendKind, KIND_TRAITS, SECRET_SETTING_KEYS, type BackendKind } from "./backend-kinds";
import { openSecret } from "./secret-box";

/** A Backend row as stored: `protocol` is the client kind, `config` the other client settings. */
/** Environment variables by name (process.env by default). */
export type Environment = Record<string, string | undefined>;

export interface StoredBackend {
  name: string;
  role: string;
  protocol: string;
  baseUrl: string;
  config: unknown;
  secretCiphertext: string | null;
}

export type CredentialView = { source: "none" } | { source: "env"; envVar: string; present: boolean } | { source: "stored" };

export type RuntimeBackendConfig =
  | { role: "INFERENCE"; config: InferenceBackendConfig }
  | { role: "EMBEDDINGS"; config: EmbeddingsBackendConfig }
  | { role: "TRAINING"; config: TrainingBackendConfig };

export interface ResolveOptions {
  env?: Environment;
  keyMaterial?: string;
}

/** The client settings stored for a row, without credentials or bookkeeping keys. */
export function storedSettings(row: Pick<StoredBackend, "config">): Record<string, unknown> {
  const config = isRecord(row.config) ? row.config : {};
  return Object.fromEntries(
    Object.entries(config).filter(([key]) => !SECRET_SETTING_KEYS.has(key) && key !== "secretEnv" && key !== "kind" && key !== "baseUrl"),
  );
}

function backendKind(row: Pick<StoredBackend, "protocol" | "name">): BackendKind {
  if (!isBackendKind(row.protocol)) throw new Error(`Backend "${row.name}": unknown protocol "${row.protocol}"`);
  return row.protocol;
}

/** Where the credential comes from, for display: never the credential itself. */
export function credentialView(row: Pick<StoredBackend, "config" | "secretCiphertext">, env: Environment = process.env): CredentialView {
  if (row.secretCiphertext) return { source: "stored" };
  const envVar = isRecord(row.config) && typeof row.config.secretEnv === "string" ? row.config.secretEnv : null;
  if (envVar) return { source: "env", envVar, present: Boolean(env[envVar]) };
  return { source: "none" };
}

/**
 * The configuration a client is made from (createInferenceClient / createTrainingBackend), with
 * the credential read from the environment or decrypted. Server-side only.
 */
export function resolveBackendConfig(row: StoredBackend, options: ResolveOptions = {}): RuntimeBackendConfig {
  const kind = backendKind(row);
  const candidate: Record<string, unknown> = { ...storedSettings(row), kind, baseUrl: row.baseUrl };
  const secret = readCredential(row, options);
  if (secret !== null) candidate[KIND_TRAITS[kind].secretKey] = secret;
  const source = `backend "${row.name}"`;
  if (row.role === "TRAINING") return { role: "TRAINING", config: parseTrainingBackendConfig(candidate, source) };
  if (row.role === "INFERENCE") return { role: "INFERENCE", config: parseInferenceBackendConfig(candidate, source) };
  if (row.role === "EMBEDDINGS") return { role: "EMBEDDINGS", config: parseEmbeddingsBackendConfig(candidate, source) };
  throw new Error(`Backend "${row.name}": unknown role "${row.role}"`);
}

function readCredential(row: StoredBackend, options: ResolveOptions): string | null {
  const view = credentialView(row, options.env);
  if (view.source === "stored") return openSecret(row.secretCiphertext ?? "", options.keyMaterial);
  if (view.source === "env") {
    const value = (options.env ?? process.env)[view.envVar];
    // Not the request's fault, nor a bug: the backend cannot be used until someone sets the variable.
    if (!value) throw unavailable(`Backend "${row.name}": the environment variable ${view.envVar} holding its credential is not set`);
    return value;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
