import { z } from "zod";
import type { SimulationExtension } from "@/lib/backends/inference/simulation";

/** What the model answers with: the pre-trained base, or a cycle's LoRA adapter under a versioned name. */
export type Checkpoint = { kind: "base" } | { kind: "lora"; name: string; path: string };

export interface VideoRef {
  /** A URL the inference server can fetch (signed), or a data: URL. */
  url: string;
  /** A local copy, preferred for frame sampling when present. */
  localPath?: string;
}

export const samplingSchema = z.object({
  temperature: z.number().min(0).max(2).default(0.2),
  maxTokens: z.int().min(1).max(32_768).default(1024),
  seed: z.int().optional(),
});

type SamplingInput = z.input<typeof samplingSchema>;
type Sampling = z.output<typeof samplingSchema>;

/**
 * Sampling settings already complete and within the schema's bounds, as its parse would return
 * them, checked by hand (every request of a cycle carries them); undefined sends them through the
 * schema (defaults, errors). Never accepts what the schema refuses.
 */
export function completeSampling(sampling: SamplingInput | undefined): Sampling | undefined {
  if (sampling === undefined) return undefined;
  const { temperature, maxTokens, seed } = sampling;
  if (typeof temperature !== "number" || !(temperature >= 0 && temperature <= 2)) return undefined;
  if (maxTokens === undefined || !Number.isSafeInteger(maxTokens) || maxTokens < 1 || maxTokens > 32_768) return undefined;
  if (seed !== undefined && !Number.isSafeInteger(seed)) return undefined;
  return seed === undefined ? { temperature, maxTokens } : { temperature, maxTokens, seed };
}

export interface GenerateRequest {
  prompt: string;
  system?: string;
  video: VideoRef;
  checkpoint?: Checkpoint;
  sampling?: SamplingInput;
  /** Sent (as `x_simulation`) only when the backend is the simulator. */
  simulation?: SimulationExtension;
  signal?: AbortSignal;
}

export interface GenerateResult {
  text: string;
  /** The model name the server reports having used. */
  model: string;
  /** Duration of the successful attempt (excludes queueing and back-off). */
  latencyMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
  finishReason: string | null;
  attempts: number;
}
