import { z } from "zod";
import { benchmarkConfigSchema } from "@/lib/benchmarks/config";
import { invalidInput } from "@/lib/errors/domain-error";
import "@/lib/validation/zod-messages";
import { bodyRowId } from "@/lib/http/schemas";
import { webhookUrlSchema } from "@/lib/notifications/webhook-url";
import { trainingHyperparametersSchema, videoSettingsSchema } from "@/lib/backends";
import { PRESET_NAMES, resolveVerifierConfig, verifierOverridesSchema, VerifierConfigError, type VerifierConfig } from "@/lib/verifier";
import { ANSWER_PROMPT, LABEL_PLACEHOLDER, QUESTION_PLACEHOLDER, RATIONALIZATION_PROMPT } from "./prompts";

const splits = z.array(z.string().trim().min(1)).min(1);

const datasetSelectionSchema = z.strictObject({
  /** The dataset's id or its unique name. */
  dataset: z.union([bodyRowId, z.string().trim().min(1)]),
  /** Questions drawn from the training splits (deterministically, from the run's seed); null = all. */
  sampleSize: z.int().positive().nullable().default(null),
  splits: splits.default(["train"]),
});

const promptsSchema = z
  .strictObject({
    answer: z.string().min(1).default(ANSWER_PROMPT),
    rationalization: z.string().min(1).default(RATIONALIZATION_PROMPT),
  })
  .superRefine((prompts, context) => {
    if (!prompts.answer.includes(QUESTION_PLACEHOLDER))
      context.addIssue({ code: "custom", path: ["answer"], message: `must contain ${QUESTION_PLACEHOLDER}` });
    for (const placeholder of [QUESTION_PLACEHOLDER, LABEL_PLACEHOLDER]) {
      if (!prompts.rationalization.includes(placeholder))
        context.addIssue({ code: "custom", path: ["rationalization"], message: `must contain ${placeholder}` });
    }
  });

const verifierSchema = z
  .strictObject({ preset: z.enum(PRESET_NAMES).default("paper"), overrides: verifierOverridesSchema.default({}) })
  .superRefine((verifier, context) => {
    try {
      resolveVerifierConfig(verifier.preset, verifier.overrides);
    } catch (error) {
      if (!(error instanceof VerifierConfigError)) throw error;
      context.addIssue({ code: "custom", path: ["overrides"], message: error.message });
    }
  });

const absolutePath = z.string().startsWith("/", "must be an absolute path");

const trainingSchema = z.strictObject({
  hyperparameters: trainingHyperparametersSchema.prefault({}),
  /** LLaMA-Factory's chat template of the model (qwen2_vl for Qwen2-VL / Qwen2.5-VL). */
  template: z.string().min(1).default("qwen2_vl"),
  /** Hugging Face id or cluster path of the pre-trained model; defaults to the base checkpoint's model. */
  modelNameOrPath: z.string().min(1).optional(),
  /** Data-parallel GPUs of the training job in total. */
  worldSize: z.int().positive().default(1),
  video: videoSettingsSchema.prefault({ fps: 2, maxFrames: 32 }),
  /** Where the cluster sees this machine's data folder (shared filesystem); default: the same path. */
  clusterDataDir: absolutePath.optional(),
  /** Training submissions per cycle before the cycle fails. */
  maxAttempts: z.int().min(1).max(10).default(2),
  /**
   * The user turn of a training record: "question" writes `<video>\n` and the bare question, as the
   * released code does (videostar/data_generation.py); "prompt" keeps the answer (chain-of-thought)
   * prompt around it.
   */
  userTurn: z.enum(["question", "prompt"]).default("question"),
  /**
   * General instruction data mixed into every cycle's training set (the paper mixes in
   * VideoInstruct-100K and LLaVA-1.5): a LLaVA or sharegpt JSON file on this machine, and the share
   * of the written training set its examples make up.
   */
  instructionData: z
    .strictObject({
      file: absolutePath,
      share: z.number().gt(0, "must be above 0").lt(1, "must be below 1"),
    })
    .optional(),
});

const executionSchema = z.strictObject({
  /** Questions per batch job. */
  batchSize: z.int().min(1).max(5000).default(250),
  /** Runs of a batch an item may fail in before it is given up (its ItemError stays, retryable on resume). */
  maxItemAttempts: z.int().min(1).max(20).default(4),
  /** Runs of a batch (crashes and retries) before the cycle fails. */
  maxBatchAttempts: z.int().min(1).max(50).default(12),
  /** A running batch whose worker has not reported for this long is handed to another worker. */
  leaseSeconds: z.int().min(2).max(3600).default(60),
  /** How often the engine looks at a running cycle (training status, stale batches). */
  tickSeconds: z.int().min(1).max(60).default(2),
  /** Base back-off before a batch with failed items runs again (doubles per attempt, capped at 60 s). */
  retryDelaySeconds: z.number().min(0).max(600).default(2),
  /** A stage whose given-up items exceed this share fails the cycle. */
  maxErrorShare: z.number().min(0).max(1).default(0.5),
});

/**
 * A run of Video-STaR cycles, as a researcher launches it. Defaults are the paper's: its two
 * prompts, temperature 0.2 and up to 1024 new tokens, the "paper" verifier preset, label
 * rationalization on, LoRA SFT for 1 epoch at batch 128 with AdamW, lr 2e-5, cosine, warm-up 0.03.
 */
export const cycleConfigSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).default("Video-STaR run"),
  datasets: z.array(datasetSelectionSchema).min(1, "choose at least one dataset"),
  evaluation: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Held-out questions per dataset, from these splits. */
      sampleSize: z.int().positive().nullable().default(200),
      splits: splits.default(["test", "val"]),
    })
    .prefault({}),
  prompts: promptsSchema.prefault({}),
  sampling: z
    .strictObject({
      temperature: z.number().min(0).max(2).default(0.2),
      maxTokens: z.int().min(1).max(32_768).default(1024),
      /** Answers drawn per question (the Generation key's sample index). */
      samplesPerQuestion: z.int().min(1).max(16).default(1),
    })
    .prefault({}),
  verifier: verifierSchema.prefault({}),
  rationalization: z.strictObject({ enabled: z.boolean().default(true) }).prefault({}),
  training: trainingSchema.prefault({}),
  stopRule: z
    .strictObject({
      /** The paper ran two cycles. */
      maxCycles: z.int().min(1).max(20).default(2),
      /** A cycle whose answer yield grew less than this over the previous cycle's is the last. */
      minYieldGain: z.number().min(0).max(1).default(0.01),
    })
    .prefault({}),
  backends: z
    .strictObject({
      inference: z.string().min(1).default("simulator"),
      training: z.string().min(1).default("simulator-ray"),
      /**
       * An embeddings backend for the verifier's sentence rules (and its question-answering model,
       * where the reference-code preset needs the released parser's answer spans). Without one,
       * those rules say they could not be applied (reference-code) or use the lexical fallback (paper).
       */
      embeddings: z.string().min(1).optional(),
    })
    .prefault({}),
  /** Zero-shot lmms-eval benchmarks of the base model and every cycle, on the training backend. */
  benchmarks: benchmarkConfigSchema.prefault({}),
  /** The base checkpoint's served name; defaults to the inference backend's model. */
  baseCheckpoint: z.string().min(1).optional(),
  execution: executionSchema.prefault({}),
  notify: z
    .strictObject({
      /** Where this run's end is posted (JSON, with the `text` a Slack incoming webhook shows); else the launcher's own. */
      webhookUrl: webhookUrlSchema.optional(),
    })
    .prefault({}),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});

export type CycleConfig = z.output<typeof cycleConfigSchema>;
export type CycleConfigInput = z.input<typeof cycleConfigSchema>;

/** Parses a launch configuration; an invalid-input DomainError names every bad field (`datasets.0.sampleSize: ...`). */
export function parseCycleConfig(input: unknown, source = "cycle configuration"): CycleConfig {
  const result = cycleConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
  const message = `${source} is invalid: ${issues.map((issue) => `${issue.field || "(root)"}: ${issue.message}`).join("; ")}`;
  // A problem with the configuration as a whole belongs to no field: then the message says it all.
  throw invalidInput(message, issues.every((issue) => issue.field !== "") ? issues : undefined);
}

export function verifierConfigOf(config: Pick<CycleConfig, "verifier">): VerifierConfig {
  return resolveVerifierConfig(config.verifier.preset, config.verifier.overrides);
}
