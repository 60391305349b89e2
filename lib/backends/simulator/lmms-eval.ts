/**
 * A simulated lmms-eval run: the job's log as lmms-eval prints it, ending with the results file
 * and samples files the real job script prints, in exactly lmms-eval's structure (see
 * lib/benchmarks/fixtures for real files). A document's outcome is drawn once per document, so
 * the base model and every cycle are scored on the same documents, and a cycle's adapter makes a
 * document more likely to be right the stronger it is (its cycle index; 0 = the base model).
 * Nothing here is a measurement: the app marks these results simulated.
 */
import { printedFile } from "@/lib/benchmarks/lmms-eval-job";
import { hashParts, uniformFrom } from "@/lib/random/seeded-random";
import type { LogLine } from "./training-logs";

interface SimulatedTask {
  /** Subtasks when the name is a group (e.g. tempcompass). */
  subtasks?: string[];
  metrics: { metric: string; kind: "percent" | "fraction" | "score"; aggregation: string }[];
  documents: number;
  base: number;
  /** Accuracy gain (fraction) a fully trained adapter brings. */
  gain: number;
  datasetPath: string;
  judged?: boolean;
}

const CUSTOM = (name: string) => `<function ${name} at 0x7f3b2c2a20c0>`;

const TASKS: Record<string, SimulatedTask> = {
  "tempcompass_multi-choice": {
    metrics: [{ metric: "accuracy", kind: "percent", aggregation: CUSTOM("tempcompass_aggregate_multi_choice") }],
    documents: 1580,
    base: 0.52,
    gain: 0.07,
    datasetPath: "lmms-lab/TempCompass",
  },
  tempcompass_yes_no: {
    metrics: [{ metric: "accuracy", kind: "percent", aggregation: CUSTOM("tempcompass_aggregate_yes_no") }],
    documents: 2453,
    base: 0.58,
    gain: 0.05,
    datasetPath: "lmms-lab/TempCompass",
  },
  tempcompass: {
    subtasks: ["tempcompass_multi-choice", "tempcompass_yes_no"],
    metrics: [],
    documents: 0,
    base: 0,
    gain: 0,
    datasetPath: "",
  },
  msvd_qa: judged("lmms-lab/MSVD-QA", 13157, 0.68, 0.025),
  msrvtt_qa: judged("lmms-lab/MSRVTT-QA", 72821, 0.56, 0.02),
  activitynetqa: judged("lmms-lab/ActivityNetQA", 8000, 0.44, 0.02),
  nextqa_mc_test: {
    metrics: [{ metric: "exact_match", kind: "fraction", aggregation: "mean" }],
    documents: 8564,
    base: 0.62,
    gain: 0.04,
    datasetPath: "lmms-lab/NExTQA",
  },
  videomme: {
    metrics: [{ metric: "videomme_perception_score", kind: "percent", aggregation: CUSTOM("videomme_aggregate_results") }],
    documents: 2700,
    base: 0.45,
    gain: 0.015,
    datasetPath: "lmms-lab/Video-MME",
  },
};
TASKS.nextqa = { ...(TASKS.nextqa_mc_test as SimulatedTask), subtasks: ["nextqa_mc_test"] };

function judged(datasetPath: string, documents: number, base: number, gain: number): SimulatedTask {
  return {
    metrics: [
      { metric: "gpt_eval_accuracy", kind: "fraction", aggregation: CUSTOM("aggregate_accuracy") },
      { metric: "gpt_eval_score", kind: "score", aggregation: CUSTOM("aggregate_score") },
    ],
    documents,
    base,
    gain,
    datasetPath,
    judged: true,
  };
}

export interface LmmsEvalInvocation {
  model: string;
  modelArgs: string;
  tasks: string[];
  limit: number | null;
  logSamples: boolean;
  batchSize: string;
}

/** The lmms-eval arguments of a job's entrypoint, or null when it does not run lmms-eval. */
export function lmmsEvalInvocation(entrypoint: string): LmmsEvalInvocation | null {
  if (!/\blmms_eval\b/.test(entrypoint)) return null;
  // The job script is one shell-quoted word: undo its quoting of the inner quotes first.
  const text = entrypoint.replace(/'\\''/g, "'");
  const arg = (name: string) => new RegExp(`--${name}[ =]'?([^'\\s]+)'?`).exec(text)?.[1];
  return {
    model: arg("model") ?? "unknown",
    modelArgs: arg("model_args") ?? "",
    tasks: (arg("tasks") ?? "").split(",").filter((t) => t !== ""),
    limit: arg("limit") ? Number(arg("limit")) : null,
    logSamples: /--log_samples\b/.test(text),
    batchSize: arg("batch_size") ?? "1",
  };
}

/** The job's log: lmms-eval's progress, then the printed files (visible once it finished). */
export function lmmsEvalLogLines(options: {
  invocation: LmmsEvalInvocation;
  seed: number;
  strength: number;
  startedAtMs: number;
  fails: boolean;
}): LogLine[] {
  const { invocation } = options;
  const date = dateId(options.startedAtMs);
  const lines: LogLine[] = [
    { at: 0, text: "SIMULATED lmms-eval run (Video-STaR Studio simulator): these scores are not measurements." },
    {
      at: 0.01,
      text: `${stamp(options.startedAtMs)} | INFO | __main__:cli_evaluate_single - Evaluation tracker args: {'output_path': 'lmms-eval'}`,
    },
    {
      at: 0.02,
      text: `${stamp(options.startedAtMs)} | INFO | __main__:cli_evaluate_single - Selected Tasks: ${JSON.stringify(invocation.tasks)}`,
    },
  ];
  if (options.fails) {
    lines.push({ at: 0.3, text: "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB (simulated failure)" });
    return lines;
  }
  const { results, samples } = simulatedLmmsEvalFiles({ ...options, date });
  invocation.tasks.forEach((task, i) => {
    lines.push({ at: 0.1 + (0.8 * (i + 1)) / (invocation.tasks.length + 1), text: `Model Responding (${task}): 100%|██████████| done` });
  });
  lines.push({
    at: 0.95,
    text: `${stamp(options.startedAtMs)} | INFO | lmms_eval.loggers.evaluation_tracker:save_results_aggregated - Saving results aggregated`,
  });
  lines.push({ at: 1, text: printedFile(`${date}_results.json`, results) });
  for (const [task, text] of samples) lines.push({ at: 1, text: printedFile(`${date}_samples_${task}.jsonl`, text) });
  return lines;
}

/** The results file (pretty-printed as lmms-eval writes it) and samples files by task. */
export function simulatedLmmsEvalFiles(options: { invocation: LmmsEvalInvocation; seed: number; strength: number; date: string }): {
  results: string;
  samples: Map<string, string>;
} {
  const { invocation } = options;
  const results: Record<string, Record<string, unknown>> = {};
  const groups: Record<string, Record<string, unknown>> = {};
  const groupSubtasks: Record<string, string[]> = {};
  const configs: Record<string, unknown> = {};
  const versions: Record<string, unknown> = {};
  const nShot: Record<string, number> = {};
  const higher: Record<string, Record<string, boolean>> = {};
  const nSamples: Record<string, { original: number; effective: number }> = {};
  const samples = new Map<string, string>();

  const leaf = (name: string, spec: SimulatedTask, alias: string) => {
    const effective = invocation.limit === null ? spec.documents : Math.min(spec.documents, Math.floor(invocation.limit));
    const p = Math.min(0.98, spec.base + spec.gain * (1 - 0.5 ** options.strength));
    const lines: string[] = [];
    let correct = 0;
    let scoreSum = 0;
    for (let doc = 0; doc < effective; doc++) {
      const u = uniformFrom(options.seed, "lmms-eval", name, doc);
      const right = u < p;
      if (right) correct++;
      const score = right
        ? 4 + Math.round(uniformFrom(options.seed, "judge", name, doc))
        : Math.round(uniformFrom(options.seed, "judge", name, doc) * 2);
      scoreSum += score;
      if (invocation.logSamples) lines.push(JSON.stringify(sampleLine(name, spec, doc, right, score)));
    }
    const accuracy = effective > 0 ? correct / effective : 0;
    const entry: Record<string, unknown> = { alias };
    for (const m of spec.metrics) {
      const value =
        m.kind === "percent"
          ? round(accuracy * 100)
          : m.kind === "score"
            ? round(effective > 0 ? scoreSum / effective : 0)
            : round(accuracy);
      entry[`${m.metric},none`] = value;
      entry[`${m.metric}_stderr,none`] =
        m.aggregation === "mean" && effective > 1 ? round(Math.sqrt((accuracy * (1 - accuracy)) / (effective - 1))) : "N/A";
    }
    results[name] = entry;
    configs[name] = taskConfig(name, spec);
    versions[name] = "Yaml";
    nShot[name] = 0;
    higher[name] = Object.fromEntries(spec.metrics.map((m) => [m.metric, true]));
    nSamples[name] = { original: spec.documents, effective };
    if (invocation.logSamples) samples.set(name, lines.join("\n"));
  };

  for (const name of invocation.tasks) {
    const spec = TASKS[name] ?? genericTask(name);
    if (spec.subtasks) {
      results[name] = { alias: name };
      groups[name] = { alias: name };
      groupSubtasks[name] = spec.subtasks;
      versions[name] = "N/A";
      for (const sub of spec.subtasks) {
        const subSpec = TASKS[sub] ?? genericTask(sub);
        leaf(sub, subSpec, ` - ${sub}`);
        higher[name] = { ...higher[name], ...higher[sub] };
      }
    } else {
      groupSubtasks[name] = [];
      leaf(name, spec, name);
    }
  }

  const modelName = /(?:^|,)pretrained=([^,]+)/.exec(invocation.modelArgs)?.[1] ?? "";
  const file = {
    results,
    ...(Object.keys(groups).length > 0 ? { groups } : {}),
    group_subtasks: groupSubtasks,
    configs,
    versions,
    "n-shot": nShot,
    higher_is_better: higher,
    "n-samples": nSamples,
    config: {
      model: invocation.model,
      model_args: invocation.modelArgs,
      batch_size: invocation.batchSize,
      batch_sizes: [],
      device: null,
      use_cache: null,
      limit: invocation.limit,
      bootstrap_iters: 100000,
      gen_kwargs: "",
      random_seed: 0,
      numpy_seed: 1234,
      torch_seed: 1234,
      fewshot_seed: 1234,
    },
    git_hash: "simulat",
    date: options.date,
    task_hashes: {},
    model_source: invocation.model,
    model_name: modelName,
    model_name_sanitized: modelName.replace(/\//g, "__"),
    system_instruction: null,
    system_instruction_sha: null,
    fewshot_as_multiturn: false,
    chat_template: null,
    chat_template_sha: null,
    start_time: 0,
    end_time: 1,
    total_evaluation_time_seconds: "1",
  };
  return { results: JSON.stringify(file, null, 2), samples };
}

function genericTask(name: string): SimulatedTask {
  return {
    metrics: [{ metric: "accuracy", kind: "fraction", aggregation: "mean" }],
    documents: 1000,
    base: 0.4 + (hashParts("base", name) % 30) / 100,
    gain: 0.02,
    datasetPath: `lmms-lab/${name}`,
  };
}

function taskConfig(name: string, spec: SimulatedTask): Record<string, unknown> {
  return {
    task: name,
    dataset_path: spec.datasetPath,
    dataset_name: "default",
    dataset_kwargs: { token: true, video: true },
    test_split: "test",
    full_docs: false,
    process_results_use_image: false,
    doc_to_visual: CUSTOM(`${name}_doc_to_visual`),
    doc_to_text: CUSTOM(`${name}_doc_to_text`),
    doc_to_target: CUSTOM(`${name}_doc_to_answer`),
    process_results: CUSTOM(`${name}_process_results`),
    description: "",
    target_delimiter: " ",
    fewshot_delimiter: "\n\n",
    num_fewshot: 0,
    metric_list: spec.metrics.map((m) => ({ metric: m.metric, aggregation: m.aggregation, higher_is_better: true })),
    output_type: "generate_until",
    generation_kwargs: { until: ["\n\n"], do_sample: false },
    repeats: 1,
    should_decontaminate: false,
    lmms_eval_specific_kwargs: { default: { pre_prompt: "", post_prompt: "" }, pre_prompt: "", post_prompt: "" },
  };
}

const OPTIONS = ["A", "B", "C", "D"];

function sampleLine(task: string, spec: SimulatedTask, doc: number, right: boolean, score: number): Record<string, unknown> {
  const target = spec.judged ? (["yes", "no", "dog", "two", "playing guitar"][doc % 5] ?? "yes") : (OPTIONS[doc % 4] ?? "A");
  const wrong = spec.judged ? "something else" : (OPTIONS[(doc + 1) % 4] ?? "B");
  const response = right ? target : wrong;
  const base: Record<string, unknown> = {
    doc_id: doc,
    target,
    filtered_resps: [response],
    doc_hash: hexHash(task, doc, "doc"),
    prompt_hash: hexHash(task, doc, "prompt"),
    target_hash: hexHash(task, doc, "target"),
  };
  for (const m of spec.metrics) {
    base[m.metric] = spec.judged
      ? { Q: `simulated question ${doc}`, A: target, pred: response, Correctness: right ? "yes" : "no", score }
      : m.kind === "percent"
        ? { question_id: `${task}-${doc}`, rating: right ? 1 : 0 }
        : right
          ? 1.0
          : 0.0;
  }
  base.input = `(simulated) ${task} question ${doc}`;
  return base;
}

function hexHash(...parts: (string | number)[]): string {
  return Array.from({ length: 8 }, (_, i) => (hashParts(...parts, i) >>> 0).toString(16).padStart(8, "0")).join("");
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function dateId(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}_${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 23);
}
