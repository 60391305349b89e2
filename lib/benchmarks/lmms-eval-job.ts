/**
 * The cluster job that benchmarks one checkpoint with lmms-eval. A cycle's checkpoint is the
 * base model plus its LoRA adapter: LLaMA-Factory's `export` merges them into a model folder that
 * lmms-eval loads as `pretrained=`. The job prints lmms-eval's results file (and its samples
 * files) between markers at the end of its log, so the app reads them through the backend's log
 * API (Ray) or log file (Slurm) without a mount of the cluster's filesystem.
 */
import { shellQuote } from "@/lib/backends/training/entrypoint";
import type { BenchmarkConfig } from "./config";

export interface LmmsEvalJobInput {
  config: Pick<BenchmarkConfig, "tasks" | "limit" | "model" | "modelArgs" | "batchSize" | "logSamples">;
  /** The base model (HF id or cluster path). */
  baseModel: string;
  /** A cycle's LoRA adapter on the cluster, merged into the base model before evaluation. */
  adapter?: { path: string; template: string };
  /** A fresh folder on the cluster for this job. */
  outputDir: string;
  llamafactoryCli?: string;
  python?: string;
}

const FILE_START = "<<<VSTAR_LMMS_EVAL_FILE ";
const FILE_END = "<<<VSTAR_LMMS_EVAL_END>>>";
/** Lines of a samples file the log carries (with --limit a run writes far fewer). */
const MAX_SAMPLE_LINES = 500;

/** The lmms-eval command line (no secrets: the judge's key is an environment variable). */
export function lmmsEvalCommand(input: LmmsEvalJobInput): string {
  const { config } = input;
  const pretrained = input.adapter ? `${input.outputDir}/merged` : input.baseModel;
  const modelArgs = [`pretrained=${pretrained}`, ...config.modelArgs.split(",").filter((a) => a.trim() !== "")].join(",");
  const words = [
    input.python ?? "python3",
    "-m",
    "lmms_eval",
    "--model",
    config.model,
    "--model_args",
    modelArgs,
    "--tasks",
    config.tasks.join(","),
    "--batch_size",
    String(config.batchSize),
    ...(config.limit !== null ? ["--limit", String(config.limit)] : []),
    ...(config.logSamples ? ["--log_samples"] : []),
    "--output_path",
    `${input.outputDir}/lmms-eval`,
  ];
  return words.map(shellQuote).join(" ");
}

/** LLaMA-Factory's export config merging the adapter into the base model. */
function mergeConfig(input: LmmsEvalJobInput): string | null {
  if (!input.adapter) return null;
  return [
    `model_name_or_path: ${JSON.stringify(input.baseModel)}`,
    `adapter_name_or_path: ${JSON.stringify(input.adapter.path)}`,
    `template: ${input.adapter.template}`,
    "finetuning_type: lora",
    `export_dir: ${JSON.stringify(`${input.outputDir}/merged`)}`,
    "export_size: 5",
    "export_legacy_format: false",
    "",
  ].join("\n");
}

/** The whole job as one shell command: merge, evaluate, print the files lmms-eval wrote. */
export function lmmsEvalJobCommand(input: LmmsEvalJobInput): string {
  const out = shellQuote(input.outputDir);
  const merge = mergeConfig(input);
  const steps = [
    "set -euo pipefail",
    `mkdir -p ${out}`,
    ...(merge
      ? [`printf '%s' ${shellQuote(merge)} > ${out}/merge.yaml`, `${input.llamafactoryCli ?? "llamafactory-cli"} export ${out}/merge.yaml`]
      : []),
    lmmsEvalCommand(input),
    `f=$(ls -t ${out}/lmms-eval/*/*_results.json | head -n 1)`,
    `echo "${FILE_START}$(basename "$f")>>>"; cat "$f"; echo; echo "${FILE_END}"`,
    `for s in "\${f%_results.json}"_samples_*.jsonl; do [ -e "$s" ] || continue; echo "${FILE_START}$(basename "$s")>>>"; head -n ${MAX_SAMPLE_LINES} "$s"; echo "${FILE_END}"; done`,
  ];
  return `bash -c ${shellQuote(steps.join("\n"))}`;
}

/** The files a job printed into its log, by name (the last copy of each wins). */
export function filesFromLog(log: string): Map<string, string> {
  const files = new Map<string, string>();
  const lines = log.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const start = line.indexOf(FILE_START);
    if (start < 0) continue;
    const name = line.slice(start + FILE_START.length).replace(/>>>\s*$/, "");
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] ?? "").includes(FILE_END); j++) body.push(lines[j] ?? "");
    if (j >= lines.length) break; // cut off before its end marker: not the whole file
    files.set(name, body.join("\n").trim());
    i = j;
  }
  return files;
}

/** How a simulated job prints a file, exactly as the real job's script does. */
export function printedFile(name: string, text: string): string {
  return `${FILE_START}${name}>>>\n${text}\n${FILE_END}`;
}

/**
 * Environment for tasks judged by an LLM (lmms-eval's task utils read API_TYPE, OPENAI_API_URL
 * and OPENAI_API_KEY): the judge backend's chat-completions URL and key.
 */
export function judgeEnvironment(judge: { baseUrl: string; apiKey?: string; model?: string }): Record<string, string> {
  return {
    API_TYPE: "openai",
    OPENAI_API_URL: `${judge.baseUrl.replace(/\/+$/, "")}/v1/chat/completions`,
    OPENAI_API_BASE: `${judge.baseUrl.replace(/\/+$/, "")}/v1`,
    ...(judge.apiKey ? { OPENAI_API_KEY: judge.apiKey } : {}),
    ...(judge.model ? { MODEL_VERSION: judge.model } : {}),
  };
}
