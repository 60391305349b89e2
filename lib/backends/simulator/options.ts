/** Options of a simulator instance (from code, the CLI or the environment). */
import { z } from "zod";
import { faultConfigSchema } from "./faults";

export const DEFAULT_BASE_MODEL = "Qwen2.5-VL-7B-Instruct";
export const DEFAULT_EMBEDDING_MODEL = "vstar-sim-embedding-256";
/** transformers' default for pipeline("question-answering"), which the released Video-STaR parser uses. */
export const DEFAULT_QUESTION_ANSWERING_MODEL = "distilbert/distilbert-base-cased-distilled-squad";

const simulatorOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  seed: z.number().int().default(42),
  baseModel: z.string().min(1).default(DEFAULT_BASE_MODEL),
  embeddingModel: z.string().min(1).default(DEFAULT_EMBEDDING_MODEL),
  /** Served at `POST /models/<name>` (the Hugging Face question-answering task), simulated. */
  questionAnsweringModel: z.string().min(1).default(DEFAULT_QUESTION_ANSWERING_MODEL),
  maxModelLen: z.number().int().positive().default(32768),
  faults: faultConfigSchema.default({ errorRate: 0, timeoutRate: 0, malformedRate: 0, latencyMs: 0, latencyJitterMs: 0 }),
  /** How long a simulated training job takes from submission to SUCCEEDED. */
  trainingDurationMs: z.number().int().min(0).default(1500),
  /** Share of training jobs that end FAILED (out of memory), drawn per submission id. */
  trainingFailureRate: z.number().min(0).max(1).default(0),
  /** Write a marked adapter_config.json into each successful job's output dir, and accept such dirs on load. */
  adapterFiles: z.boolean().default(false),
  /** Adapters already trained before this instance started (path → strength). */
  trainedAdapters: z.array(z.object({ path: z.string().min(1), strength: z.number().int().min(1) })).default([]),
  /** A "timeout" fault holds the request at most this long, then drops the connection. */
  timeoutHoldMs: z
    .number()
    .int()
    .positive()
    .default(10 * 60 * 1000),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /** Print one line per request to stderr. */
  logRequests: z.boolean().default(false),
});

export type SimulatorOptionsInput = z.input<typeof simulatorOptionsSchema>;
export type SimulatorOptions = z.output<typeof simulatorOptionsSchema>;

export function parseSimulatorOptions(input: SimulatorOptionsInput): SimulatorOptions {
  const parsed = simulatorOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(options)"}: ${i.message}`).join("; ");
    throw new Error(`invalid simulator options: ${problems}`);
  }
  return parsed.data;
}
