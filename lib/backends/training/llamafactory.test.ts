import { describe, expect, it } from "vitest";
import {
  buildDatasetInfo,
  buildDatasetInfoJson,
  buildLlamaFactoryConfig,
  gradientAccumulationSteps,
  llamaFactoryConfigEntries,
  trainingHyperparametersSchema,
  videoSettingsForFrameSampling,
  type LlamaFactoryRun,
} from "@/lib/backends/training/llamafactory";
import { toFlatYaml } from "@/lib/backends/training/yaml";

const run: LlamaFactoryRun = {
  modelNameOrPath: "Qwen/Qwen2.5-VL-7B-Instruct",
  template: "qwen2_vl",
  datasets: ["vstar_cycle_2"],
  datasetDir: "/shared/vstar/cycle-2/data",
  outputDir: "/shared/vstar/cycle-2/adapter",
  worldSize: 8,
  video: { fps: 2, maxFrames: 16, maxPixels: 448 * 448 },
};

describe("training hyper-parameters", () => {
  it("default to the paper's settings", () => {
    expect(trainingHyperparametersSchema.parse({})).toEqual({
      epochs: 1,
      effectiveBatchSize: 128,
      perDeviceBatchSize: 1,
      learningRate: 2e-5,
      lrScheduler: "cosine",
      warmupRatio: 0.03,
      optimizer: "adamw_torch",
      cutoffLen: 4096,
      bf16: true,
    });
  });
});

describe("gradientAccumulationSteps", () => {
  it("makes per-device batch × GPUs × steps equal the effective batch", () => {
    expect(gradientAccumulationSteps(128, 1, 8)).toBe(16);
    expect(gradientAccumulationSteps(128, 2, 8)).toBe(8);
    expect(gradientAccumulationSteps(128, 4, 1)).toBe(32);
  });

  it("refuses a batch it cannot hit exactly", () => {
    expect(() => gradientAccumulationSteps(128, 3, 8)).toThrow(/128.*3 × 8 GPUs = 24/);
  });
});

describe("buildLlamaFactoryConfig", () => {
  it("writes the LoRA SFT config with the paper's defaults and the inference video settings", () => {
    expect(buildLlamaFactoryConfig(run)).toBe(
      [
        'model_name_or_path: "Qwen/Qwen2.5-VL-7B-Instruct"',
        'stage: "sft"',
        "do_train: true",
        'finetuning_type: "lora"',
        'lora_target: "all"',
        "freeze_vision_tower: true",
        "freeze_multi_modal_projector: true",
        'dataset: "vstar_cycle_2"',
        'dataset_dir: "/shared/vstar/cycle-2/data"',
        'template: "qwen2_vl"',
        "cutoff_len: 4096",
        "video_fps: 2.0",
        "video_maxlen: 16",
        'output_dir: "/shared/vstar/cycle-2/adapter"',
        "per_device_train_batch_size: 1",
        "gradient_accumulation_steps: 16",
        "learning_rate: 2.0e-5",
        "num_train_epochs: 1.0",
        'lr_scheduler_type: "cosine"',
        "warmup_ratio: 0.03",
        'optim: "adamw_torch"',
        "bf16: true",
        'report_to: "none"',
        "video_max_pixels: 200704",
        "",
      ].join("\n"),
    );
  });

  it("takes overridden hyper-parameters and several datasets", () => {
    const entries = llamaFactoryConfigEntries({
      ...run,
      datasets: ["a", "b"],
      worldSize: 4,
      hyperparameters: { perDeviceBatchSize: 2, learningRate: 1e-4, epochs: 2 },
    });
    expect(entries).toMatchObject({ dataset: "a,b", per_device_train_batch_size: 2, gradient_accumulation_steps: 16 });
    expect(toFlatYaml({ lr: entries.learning_rate ?? "", epochs: entries.num_train_epochs ?? "" })).toBe("lr: 1.0e-4\nepochs: 2.0\n");
  });

  it("names the invalid field", () => {
    expect(() => buildLlamaFactoryConfig({ ...run, datasets: ["bad name"] })).toThrow(/datasets\.0/);
    expect(() => buildLlamaFactoryConfig({ ...run, hyperparameters: { learningRate: -1 } })).toThrow(/hyperparameters\.learningRate/);
  });
});

describe("videoSettingsForFrameSampling", () => {
  it("asks LLaMA-Factory for the same frame count and pixel budget as inference", () => {
    expect(videoSettingsForFrameSampling({ count: 8, maxSize: 448 }, 2)).toEqual({ fps: 4, maxFrames: 8, maxPixels: 200704 });
  });
});

describe("dataset_info.json", () => {
  it("registers sharegpt video datasets with role/content tags", () => {
    expect(buildDatasetInfo([{ name: "vstar_cycle_2", fileName: "vstar_cycle_2.json" }])).toEqual({
      vstar_cycle_2: {
        file_name: "vstar_cycle_2.json",
        formatting: "sharegpt",
        columns: { messages: "messages", videos: "videos" },
        tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant", system_tag: "system" },
      },
    });
    expect(JSON.parse(buildDatasetInfoJson([{ name: "x", fileName: "x.jsonl" }]))).toHaveProperty("x.file_name", "x.jsonl");
  });

  it("refuses duplicate names and non-JSON files", () => {
    expect(() =>
      buildDatasetInfo([
        { name: "x", fileName: "x.json" },
        { name: "x", fileName: "y.json" },
      ]),
    ).toThrow(/registered twice/);
    expect(() => buildDatasetInfo([{ name: "x", fileName: "x.csv" }])).toThrow(/fileName/);
  });
});
