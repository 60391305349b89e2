import { z } from "zod";

const taskName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, "an lmms-eval task name (letters, digits, _ . -)");

/**
 * Zero-shot benchmarks of every cycle with lmms-eval on the training backend. The base model is
 * evaluated once per run (the reference); each cycle's checkpoint after its training.
 */
export const benchmarkConfigSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** lmms-eval task (or group) names, e.g. tempcompass, msvd_qa, activitynetqa, nextqa, videomme. */
  tasks: z.array(taskName).min(1, "choose at least one benchmark task").default(["tempcompass", "msvd_qa"]),
  /** lmms-eval's --limit: documents per task, for quick runs; null = the whole test set. */
  limit: z.int().positive().nullable().default(null),
  /** lmms-eval's --model (its model class) and extra --model_args after pretrained=. */
  model: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default("qwen2_vl"),
  modelArgs: z
    .string()
    .regex(/^[^\s'"]*$/, "model arguments are key=value pairs separated by commas, without spaces or quotes")
    .default(""),
  batchSize: z.int().min(1).max(64).default(1),
  logSamples: z.boolean().default(true),
  /**
   * A registered inference backend serving the LLM judge of tasks that use one (activitynetqa,
   * msvd_qa, msrvtt_qa…): its URL and key reach the job as environment variables.
   */
  judge: z.string().min(1).optional(),
  /** Also stop the run when a cycle improved `task` by less than `minGain` points over the previous one (or the base). */
  stopRule: z.strictObject({ task: taskName, minGain: z.number().min(-100).max(100) }).optional(),
});

export type BenchmarkConfig = z.output<typeof benchmarkConfigSchema>;
