import { z } from "zod";
import { parseOrExplain } from "@/lib/backends/validation";
import { toFlatYaml, yamlFloat, type FlatYamlValue } from "@/lib/backends/training/yaml";

/** Training hyper-parameters, defaulting to the paper's: 1 epoch, batch 128, AdamW, lr 2e-5, cosine, warm-up 0.03. */
export const trainingHyperparametersSchema = z.object({
  epochs: z.number().positive().default(1),
  effectiveBatchSize: z.int().positive().default(128),
  perDeviceBatchSize: z.int().positive().default(1),
  learningRate: z.number().positive().max(1).default(2e-5),
  lrScheduler: z.enum(["cosine", "linear", "constant", "constant_with_warmup", "cosine_with_restarts", "polynomial"]).default("cosine"),
  warmupRatio: z.number().min(0).max(1).default(0.03),
  optimizer: z.enum(["adamw_torch", "adamw_torch_fused", "adamw_8bit"]).default("adamw_torch"),
  /** Maximum tokens per example (video tokens included). */
  cutoffLen: z.int().positive().default(4096),
  bf16: z.boolean().default(true),
});

/** How videos are read in training; must match what inference gives the model. */
export const videoSettingsSchema = z.object({
  fps: z.number().positive(),
  maxFrames: z.int().positive(),
  /** Pixel budget per frame (LLaMA-Factory's video_max_pixels), e.g. 448 × 448. */
  maxPixels: z.int().positive().optional(),
});

export type VideoSettings = z.infer<typeof videoSettingsSchema>;

/**
 * Training video settings that reproduce the inference client's frame sampling (N frames spread
 * evenly from first to last, longest side ≤ maxSize). LLaMA-Factory takes
 * min(total frames, video_maxlen, duration × video_fps) frames with numpy.linspace, so
 * video_maxlen = N and a frame rate high enough for the shortest clip to yield N frames.
 */
export function videoSettingsForFrameSampling(frames: { count: number; maxSize: number }, shortestClipSeconds = 1): VideoSettings {
  if (!(shortestClipSeconds > 0)) throw new Error(`shortestClipSeconds must be positive, got ${shortestClipSeconds}`);
  return { fps: frames.count / shortestClipSeconds, maxFrames: frames.count, maxPixels: frames.maxSize * frames.maxSize };
}

const llamaFactoryRunSchema = z.object({
  /** Hugging Face id or cluster path of the pre-trained model (every cycle starts from it). */
  modelNameOrPath: z.string().min(1),
  /** LLaMA-Factory chat template of that model, e.g. "qwen2_vl". */
  template: z.string().min(1),
  /** Names registered in dataset_info.json. */
  datasets: z.array(z.string().regex(/^[A-Za-z0-9_.-]+$/, "dataset names must be [A-Za-z0-9_.-]")).min(1),
  datasetDir: z.string().min(1),
  outputDir: z.string().min(1),
  /** Data-parallel GPUs in total (nodes × GPUs per node). */
  worldSize: z.int().positive(),
  video: videoSettingsSchema,
  hyperparameters: trainingHyperparametersSchema.prefault({}),
});

export type LlamaFactoryRun = z.input<typeof llamaFactoryRunSchema>;

/**
 * The accumulation steps that make per-device batch × GPUs × steps equal the effective batch.
 * Refuses combinations that cannot hit it exactly.
 */
export function gradientAccumulationSteps(effectiveBatchSize: number, perDeviceBatchSize: number, worldSize: number): number {
  const perStep = perDeviceBatchSize * worldSize;
  if (effectiveBatchSize % perStep !== 0) {
    throw new Error(
      `effective batch ${effectiveBatchSize} is not a multiple of per-device batch ${perDeviceBatchSize} × ${worldSize} GPUs = ${perStep}`,
    );
  }
  return effectiveBatchSize / perStep;
}

/** The LLaMA-Factory LoRA SFT configuration for one cycle, as YAML text. */
export function buildLlamaFactoryConfig(input: LlamaFactoryRun): string {
  return toFlatYaml(llamaFactoryConfigEntries(input));
}

export function llamaFactoryConfigEntries(input: LlamaFactoryRun): Record<string, FlatYamlValue> {
  const run = parseOrExplain(llamaFactoryRunSchema, input, "LLaMA-Factory run");
  const h = run.hyperparameters;
  const entries: Record<string, FlatYamlValue> = {
    model_name_or_path: run.modelNameOrPath,
    stage: "sft",
    do_train: true,
    finetuning_type: "lora",
    lora_target: "all",
    // vLLM serves LoRA on the language model only: nothing else may change.
    freeze_vision_tower: true,
    freeze_multi_modal_projector: true,
    dataset: run.datasets.join(","),
    dataset_dir: run.datasetDir,
    template: run.template,
    cutoff_len: h.cutoffLen,
    video_fps: yamlFloat(run.video.fps),
    video_maxlen: run.video.maxFrames,
    output_dir: run.outputDir,
    per_device_train_batch_size: h.perDeviceBatchSize,
    gradient_accumulation_steps: gradientAccumulationSteps(h.effectiveBatchSize, h.perDeviceBatchSize, run.worldSize),
    learning_rate: yamlFloat(h.learningRate),
    num_train_epochs: yamlFloat(h.epochs),
    lr_scheduler_type: h.lrScheduler,
    warmup_ratio: yamlFloat(h.warmupRatio),
    optim: h.optimizer,
    bf16: h.bf16,
    report_to: "none",
  };
  if (run.video.maxPixels !== undefined) entries.video_max_pixels = run.video.maxPixels;
  return entries;
}

const datasetRegistrationSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_.-]+$/, "dataset names must be [A-Za-z0-9_.-]"),
  /** The sharegpt JSON (or JSONL) file, relative to dataset_dir. */
  fileName: z
    .string()
    .min(1)
    .regex(/\.jsonl?$/, "fileName must end in .json or .jsonl"),
});

export type DatasetRegistration = z.infer<typeof datasetRegistrationSchema>;

/**
 * dataset_info.json registering video SFT files in sharegpt format with role/content messages: the
 * description LLaMA-Factory's data/README.md gives for its OpenAI format, with the videos column
 * of its multimodal video datasets.
 */
export function buildDatasetInfo(registrations: DatasetRegistration[]): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  for (const registration of registrations) {
    const { name, fileName } = parseOrExplain(datasetRegistrationSchema, registration, "dataset registration");
    if (name in info) throw new Error(`dataset '${name}' is registered twice`);
    info[name] = {
      file_name: fileName,
      formatting: "sharegpt",
      columns: { messages: "messages", videos: "videos" },
      tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
    };
  }
  return info;
}

export function buildDatasetInfoJson(registrations: DatasetRegistration[]): string {
  return `${JSON.stringify(buildDatasetInfo(registrations), null, 2)}\n`;
}
