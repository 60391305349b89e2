/**
 * LLaMA-Factory-like output of a LoRA SFT run: data loading, the trainer banner, loss lines
 * that decrease with a little noise, a cosine learning-rate schedule and the final metrics.
 * Each line carries the fraction of the run at which it appears, so logs grow while it runs.
 */
import type { Rng } from "@/lib/random/seeded-random";

export interface LogLine {
  /** Fraction of the running phase (0..1) after which the line is visible. */
  at: number;
  text: string;
}

export interface TrainingLogInput {
  rng: Rng;
  submissionId: string;
  outputDir: string | undefined;
  cycleIndex: number;
  /** The examples the submitter says it exported; null when it did not say (the log then says so). */
  numExamples: number | null;
  startedAtMs: number;
  warnings: readonly string[];
  /** Fraction at which the run crashes, if it does. */
  failAt?: number;
}

const BATCH_SIZE = 128;
const LEARNING_RATE = 2e-5;
const WARMUP_RATIO = 0.03;

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 19);
}

function thousands(n: number): string {
  return n.toLocaleString("en-US");
}

/** Cosine schedule with linear warm-up, as in the paper's settings. */
function learningRateAt(step: number, totalSteps: number): number {
  const warmup = Math.max(1, Math.ceil(totalSteps * WARMUP_RATIO));
  if (step < warmup) return (LEARNING_RATE * step) / warmup;
  const progress = (step - warmup) / Math.max(1, totalSteps - warmup);
  return LEARNING_RATE * 0.5 * (1 + Math.cos(Math.PI * progress));
}

export function trainingLogLines(input: TrainingLogInput): LogLine[] {
  const { rng, numExamples, cycleIndex } = input;
  // The loss curve needs some length when the count is unknown; the log never prints a made-up count.
  const totalSteps = Math.max(4, Math.ceil((numExamples ?? 0) / BATCH_SIZE));
  const count = numExamples === null ? "?" : String(numExamples);
  const loggingSteps = Math.max(1, Math.ceil(totalSteps / 20));
  const trainable = 20_185_088;
  const info = (module: string, message: string) => `[INFO|${stamp(input.startedAtMs)}] ${module} >> ${message}`;
  const lines: LogLine[] = [
    ...input.warnings.map((w) => ({ at: 0, text: `[WARNING|${stamp(input.startedAtMs)}] vstar.simulator >> ${w}` })),
    {
      at: 0,
      text: info(
        "llamafactory.hparams.parser:406",
        "Process rank: 0, world size: 1, device: cuda:0, n_gpu: 1, distributed training: False, compute dtype: torch.bfloat16",
      ),
    },
    { at: 0.01, text: info("llamafactory.data.loader:143", `Loading dataset vstar_cycle_${cycleIndex}.json...`) },
    { at: 0.02, text: `Converting format of dataset (num_proc=16): 100%|██████████| ${count}/${count}` },
    { at: 0.03, text: `Running tokenizer on dataset (num_proc=16): 100%|██████████| ${count}/${count}` },
    {
      at: 0.04,
      text: info("llamafactory.model.model_utils.visual:143", "Set vision model not trainable: ['visual.patch_embed', 'visual.blocks']."),
    },
    { at: 0.05, text: info("llamafactory.model.adapter:143", "Fine-tuning method: LoRA") },
    {
      at: 0.05,
      text: info(
        "llamafactory.model.loader:143",
        `trainable params: ${thousands(trainable)} || all params: 8,312,351,744 || trainable%: 0.2428`,
      ),
    },
    { at: 0.06, text: "[INFO|trainer.py:2414] >> ***** Running training *****" },
    { at: 0.06, text: `[INFO|trainer.py:2415] >>   Num examples = ${numExamples === null ? "unknown" : thousands(numExamples)}` },
    { at: 0.06, text: "[INFO|trainer.py:2416] >>   Num Epochs = 1" },
    { at: 0.06, text: `[INFO|trainer.py:2420] >>   Total train batch size (w. parallel, distributed & accumulation) = ${BATCH_SIZE}` },
    { at: 0.06, text: `[INFO|trainer.py:2422] >>   Total optimization steps = ${totalSteps}` },
    { at: 0.06, text: `[INFO|trainer.py:2423] >>   Number of trainable parameters = ${thousands(trainable)}` },
  ];

  const startLoss = rng.between(1.6, 2.2) - 0.1 * Math.min(cycleIndex, 4);
  const floorLoss = rng.between(0.55, 0.85);
  let lastLoss = startLoss;
  for (let step = loggingSteps; step <= totalSteps; step += loggingSteps) {
    const progress = step / totalSteps;
    const loss = floorLoss + (startLoss - floorLoss) * Math.exp(-3 * progress) + rng.between(-0.03, 0.03);
    lastLoss = loss;
    const fields = [
      `'loss': ${loss.toFixed(4)}`,
      `'grad_norm': ${rng.between(0.4, 1.4).toFixed(4)}`,
      `'learning_rate': ${learningRateAt(step, totalSteps).toExponential(4)}`,
      `'epoch': ${progress.toFixed(2)}`,
    ];
    lines.push({ at: 0.08 + 0.85 * progress, text: `{${fields.join(", ")}}` });
  }

  if (input.failAt !== undefined) {
    const failAt = input.failAt;
    return [
      ...lines.filter((l) => l.at <= failAt),
      { at: failAt, text: "Traceback (most recent call last):" },
      { at: failAt, text: '  File "/usr/local/bin/llamafactory-cli", line 8, in <module>' },
      {
        at: failAt,
        text: "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 79.15 GiB of which 1.02 GiB is free.",
      },
    ];
  }

  const outputDir = input.outputDir ?? "saves/vstar/lora/sft";
  const runtime = rng.between(600, 3600);
  lines.push(
    { at: 0.95, text: `[INFO|trainer.py:3942] >> Saving model checkpoint to ${outputDir}/checkpoint-${totalSteps}` },
    {
      at: 0.96,
      text: `{'train_runtime': ${runtime.toFixed(2)}, 'train_samples_per_second': ${numExamples === null ? "nan" : (numExamples / runtime).toFixed(3)}, 'train_steps_per_second': ${(totalSteps / runtime).toFixed(3)}, 'train_loss': ${((startLoss + lastLoss) / 2).toFixed(4)}, 'epoch': 1.0}`,
    },
    { at: 0.97, text: "***** train metrics *****" },
    { at: 0.97, text: "  epoch                    =        1.0" },
    { at: 0.97, text: `  train_loss               =     ${((startLoss + lastLoss) / 2).toFixed(4)}` },
    { at: 0.98, text: `[INFO|trainer.py:3942] >> Saving model checkpoint to ${outputDir}` },
    { at: 1, text: info("llamafactory.train.tuner:143", `Adapter saved to ${outputDir}`) },
  );
  return lines;
}
