/** Labels and help for the launch form's settings, by dotted path; others get a label from their key. */
export const FIELD_HELP: Record<string, { label?: string; help?: string }> = {
  name: { label: "Run name" },
  "evaluation.enabled": { label: "Evaluate each cycle's model" },
  "evaluation.sampleSize": { label: "Held-out questions per dataset", help: "Empty: all of them." },
  "evaluation.splits": { label: "Evaluation splits", help: "Comma-separated." },
  "prompts.answer": { label: "Answer prompt", help: "{Q} is replaced by the question." },
  "prompts.rationalization": { label: "Rationalization prompt", help: "{Q}: the question, {L}: the label." },
  "sampling.temperature": { label: "Temperature", help: "The paper: 0.2." },
  "sampling.maxTokens": { label: "Max new tokens", help: "The paper: 1024." },
  "sampling.samplesPerQuestion": { label: "Answers per question" },
  "rationalization.enabled": {
    label: "Label rationalization",
    help: "For questions the model answered wrong, explain the given label; training cycles only.",
  },
  "training.hyperparameters.epochs": { label: "Epochs" },
  "training.hyperparameters.effectiveBatchSize": { label: "Effective batch size", help: "The paper: 128." },
  "training.hyperparameters.perDeviceBatchSize": { label: "Per-device batch size" },
  "training.hyperparameters.learningRate": { label: "Learning rate", help: "The paper: 2e-5." },
  "training.hyperparameters.lrScheduler": { label: "LR schedule" },
  "training.hyperparameters.warmupRatio": { label: "Warm-up ratio" },
  "training.hyperparameters.optimizer": { label: "Optimizer" },
  "training.hyperparameters.cutoffLen": { label: "Cut-off length (tokens)" },
  "training.hyperparameters.bf16": { label: "bf16" },
  "training.template": { label: "Chat template", help: "LLaMA-Factory's template of the model (qwen2_vl for Qwen2-VL / Qwen2.5-VL)." },
  "training.modelNameOrPath": { label: "Pre-trained model", help: "Hugging Face id or cluster path; empty: the base checkpoint's model." },
  "training.worldSize": { label: "GPUs (data parallel)" },
  "training.video.fps": { label: "Video fps in training" },
  "training.video.maxFrames": { label: "Max frames per video" },
  "training.video.maxPixels": { label: "Max pixels per frame", help: "Empty: LLaMA-Factory's default." },
  "training.clusterDataDir": { label: "Data folder as the cluster sees it", help: "Empty: the same path as here." },
  "training.maxAttempts": { label: "Training attempts per cycle" },
  "stopRule.maxCycles": { label: "Max cycles", help: "The paper ran two." },
  "stopRule.minYieldGain": {
    label: "Min answer-yield gain",
    help: "A cycle whose yield grew less than this is the last (0.01 = 1 point).",
  },
  baseCheckpoint: { label: "Base checkpoint", help: "Served name; empty: the inference backend's model." },
  "execution.batchSize": { label: "Questions per batch job" },
  "execution.maxItemAttempts": { label: "Attempts per item" },
  "execution.maxBatchAttempts": { label: "Attempts per batch" },
  "execution.leaseSeconds": { label: "Batch lease (s)" },
  "execution.tickSeconds": { label: "Engine tick (s)" },
  "execution.retryDelaySeconds": { label: "Retry delay (s)" },
  "execution.maxErrorShare": { label: "Max error share", help: "A stage whose given-up items exceed this share fails the cycle." },
  seed: { label: "Seed", help: "Fixes the question sample and the sampling seed." },
  "notify.webhookUrl": {
    label: "Webhook URL",
    help: "Where this run's end is posted (JSON; Slack incoming webhooks show its text). Empty: your own, from your account page.",
  },
  "benchmarks.enabled": {
    label: "Benchmark with lmms-eval",
    help: "The base model once, then every cycle's checkpoint, on the training backend.",
  },
  "benchmarks.tasks": {
    label: "Benchmark tasks",
    help: "lmms-eval task names, comma-separated: tempcompass, msvd_qa, msrvtt_qa, activitynetqa, nextqa, videomme…",
  },
  "benchmarks.limit": { label: "Documents per task (--limit)", help: "Empty: the whole test set." },
  "benchmarks.model": { label: "lmms-eval model class (--model)" },
  "benchmarks.modelArgs": { label: "Extra model arguments", help: "Appended to pretrained=…, e.g. max_num_frames=32." },
  "benchmarks.judge": {
    label: "LLM judge backend",
    help: "A registered inference backend; its URL and key reach the job as environment variables.",
  },
};

export const GROUP_TITLES: Record<string, string> = {
  evaluation: "Evaluation",
  prompts: "Prompts",
  sampling: "Sampling",
  rationalization: "Rationalization",
  training: "Training",
  "training.hyperparameters": "Hyper-parameters",
  "training.video": "Video",
  stopRule: "Stop rule",
  benchmarks: "Zero-shot benchmarks (lmms-eval)",
  execution: "Execution",
  notify: "Notifications",
};

export function labelOf(path: string): string {
  const explicit = FIELD_HELP[path]?.label;
  if (explicit) return explicit;
  const key = path.split(".").at(-1) ?? path;
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
