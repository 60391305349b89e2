import { z } from "zod";
import {
  createEmbeddingsClient,
  createInferenceClient,
  isSimulatorBackend,
  type RayBackendConfig,
  type SlurmBackendConfig,
} from "@/lib/backends";
import { servedSlurmApis, slurmOpenApiSchema } from "@/lib/backends/training/slurm-protocol";
import type { RuntimeBackendConfig } from "./backend-runtime";

export const healthReportSchema = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  latencyMs: z.number(),
  simulated: z.boolean(),
  /** Inference and embeddings: what the server serves (base model and loaded LoRA adapters). */
  models: z
    .array(z.object({ id: z.string(), root: z.string().nullable().optional(), parent: z.string().nullable().optional() }))
    .default([]),
  /** Training: the engine's version, when it says. */
  version: z.string().optional(),
  /** A warning that does not make the check fail (e.g. the configured model is not served). */
  warning: z.string().optional(),
  error: z.string().optional(),
});
export type HealthReport = z.infer<typeof healthReportSchema>;

export interface HealthCheckOptions {
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Asks a backend whether it is up: /v1/models for inference and embeddings, the version or ping endpoint for training. */
export async function checkBackendHealth(runtime: RuntimeBackendConfig, options: HealthCheckOptions = {}): Promise<HealthReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const simulated = isSimulatorBackend(runtime.config);
  const base = () => ({ checkedAt: new Date(started).toISOString(), latencyMs: now() - started, simulated, models: [] });
  try {
    if (runtime.role === "TRAINING") {
      const config = runtime.config;
      const version = config.kind === "slurm" ? await pingSlurm(config, options) : await rayVersion(config, options);
      return { ...base(), ok: true, version };
    }
    const config = runtime.config;
    const timeoutMs = Math.min(config.timeoutMs, options.timeoutMs ?? 10_000);
    const client =
      runtime.role === "EMBEDDINGS"
        ? createEmbeddingsClient({ ...runtime.config, timeoutMs, retries: { max: 0 } })
        : createInferenceClient({ ...runtime.config, timeoutMs, retries: { max: 0 } });
    const models = (await client.listModels()).map(({ id, root, parent }) => ({ id, root: root ?? null, parent: parent ?? null }));
    const served = models.some((model) => model.id === config.model);
    const warning = served ? undefined : `The configured model "${config.model}" is not among the served models`;
    return { ...base(), ok: true, models, ...(warning ? { warning } : {}) };
  } catch (error) {
    return { ...base(), ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const rayVersionSchema = z.object({ ray_version: z.string().optional(), version: z.string().optional() });

async function rayVersion(config: RayBackendConfig, options: HealthCheckOptions): Promise<string | undefined> {
  const headers: Record<string, string> = config.authToken ? { authorization: `Bearer ${config.authToken}` } : {};
  const body = await getJson(`${config.baseUrl}/api/version`, headers, options);
  const parsed = rayVersionSchema.safeParse(body);
  if (!parsed.success) throw new Error(`${config.baseUrl}/api/version did not answer like a Ray dashboard`);
  return parsed.data.ray_version ? `Ray ${parsed.data.ray_version}` : parsed.data.version;
}

const slurmMetaSchema = z.object({ release: z.string().optional() }).loose().optional();
const slurmPingSchema = z.object({
  // v0.0.38 says `ping: "UP"`, later versions `pinged` and `responding`.
  pings: z.array(
    z
      .object({
        hostname: z.string().optional(),
        ping: z.string().optional(),
        pinged: z.string().optional(),
        responding: z.boolean().optional(),
      })
      .loose(),
  ),
  // "Slurm" up to v0.0.39 (Slurm 22.05 and 23.02), "slurm" after.
  meta: z.object({ slurm: slurmMetaSchema, Slurm: slurmMetaSchema }).loose().optional(),
});

/** The pinned API version, or the newest this app and the server share (from its OpenAPI description). */
async function slurmApiVersion(config: SlurmBackendConfig, headers: Record<string, string>, options: HealthCheckOptions) {
  if (config.apiVersion) return config.apiVersion;
  const url = `${config.baseUrl}/openapi/v3`;
  const parsed = slurmOpenApiSchema.safeParse(await getJson(url, headers, options));
  if (!parsed.success) throw new Error(`${url} did not answer with an OpenAPI description`);
  const { served, chosen } = servedSlurmApis(parsed.data);
  if (!chosen) throw new Error(`slurmrestd serves ${served.join(", ") || "no slurm API"}; this app speaks v0.0.38 to v0.0.42`);
  return chosen;
}

async function pingSlurm(config: SlurmBackendConfig, options: HealthCheckOptions): Promise<string | undefined> {
  const headers = { "X-SLURM-USER-NAME": config.userName, "X-SLURM-USER-TOKEN": config.userToken };
  const apiVersion = await slurmApiVersion(config, headers, options);
  const body = await getJson(`${config.baseUrl}/slurm/${apiVersion}/ping`, headers, options);
  const parsed = slurmPingSchema.safeParse(body);
  if (!parsed.success) throw new Error(`${config.baseUrl}/slurm/${apiVersion}/ping did not answer like slurmrestd`);
  const down = parsed.data.pings.filter(
    (ping) => ping.responding === false || [ping.pinged, ping.ping].some((word) => word !== undefined && word !== "UP"),
  );
  if (down.length > 0) throw new Error(`slurmctld not responding: ${down.map((ping) => ping.hostname ?? "?").join(", ")}`);
  const release = parsed.data.meta?.slurm?.release ?? parsed.data.meta?.Slurm?.release;
  return release ? `Slurm ${release} (API ${apiVersion})` : `API ${apiVersion}`;
}

async function getJson(url: string, headers: Record<string, string>, options: HealthCheckOptions): Promise<unknown> {
  const response = await (options.fetch ?? fetch)(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) }).catch(
    (error: unknown) => {
      throw new Error(
        `cannot reach ${url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      );
    },
  );
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}: ${text.slice(0, 200)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} did not answer with JSON`);
  }
}
