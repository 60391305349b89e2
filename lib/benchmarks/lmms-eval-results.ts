/**
 * lmms-eval's output files, as its EvaluationTracker writes them under
 * `<output_path>/<model_name_sanitized>/`:
 *
 * - `<date>_results.json` (date as `%Y%m%d_%H%M%S`): `results` per task with metric keys
 *   `<metric>,<filter>` and `<metric>_stderr,<filter>` (a number, or "N/A" when the task's
 *   aggregation has no standard error), `alias`, plus `groups`, `group_subtasks`, `configs`,
 *   `versions`, `n-shot`, `higher_is_better`, `n-samples` ({original, effective} per task),
 *   `config` (model, model_args, limit…), `git_hash`, `date`, `task_hashes` and the tracker's
 *   general fields (model_name, start/end time…).
 * - `<date>_samples_<task>.jsonl` with `--log_samples`: one line per document with `doc_id`,
 *   `target`, `filtered_resps` (and `resps` when filtering changed it), the hashes, `input`
 *   and the task's per-sample metric values.
 */
import { z } from "zod";
import { parseOrExplain } from "@/lib/backends/validation";

export interface LmmsEvalMetric {
  metric: string;
  filter: string;
  value: number;
  /** null when lmms-eval wrote "N/A" (custom aggregations) or nothing. */
  stderr: number | null;
  higherIsBetter: boolean | null;
}

export interface LmmsEvalTaskResult {
  task: string;
  alias: string;
  /** The group this task was run under, when it is a subtask. */
  group: string | null;
  isGroup: boolean;
  metrics: LmmsEvalMetric[];
  nSamples: { original: number; effective: number } | null;
  version: string | number | null;
}

export interface LmmsEvalResults {
  date: string | null;
  model: string | null;
  modelArgs: string | null;
  modelName: string | null;
  limit: number | null;
  gitHash: string | null;
  tasks: LmmsEvalTaskResult[];
}

const scalar = z.union([z.number(), z.string(), z.boolean(), z.null()]);

const resultsFileSchema = z
  .object({
    results: z.record(z.string(), z.record(z.string(), scalar)),
    groups: z.record(z.string(), z.record(z.string(), scalar)).optional(),
    group_subtasks: z.record(z.string(), z.array(z.string())).optional(),
    configs: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    versions: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
    higher_is_better: z.record(z.string(), z.record(z.string(), z.boolean())).optional(),
    "n-samples": z.record(z.string(), z.object({ original: z.number(), effective: z.number() })).optional(),
    config: z
      .object({
        model: z.string().nullish(),
        model_args: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
        limit: z.number().nullish(),
      })
      .loose()
      .optional(),
    git_hash: z.string().nullish(),
    date: z.union([z.string(), z.number()]).nullish(),
    model_name: z.string().nullish(),
  })
  .loose();

/** Parses a results file (its text or its parsed JSON); throws naming what is wrong. */
export function parseLmmsEvalResults(input: string | unknown): LmmsEvalResults {
  const json = typeof input === "string" ? parseJson(input, "lmms-eval results file") : input;
  const file = parseOrExplain(resultsFileSchema, json, "lmms-eval results file");
  const groupOf = new Map<string, string>();
  for (const [group, subtasks] of Object.entries(file.group_subtasks ?? {})) {
    for (const subtask of subtasks) groupOf.set(subtask, group);
  }
  const groups = new Set(Object.entries(file.group_subtasks ?? {}).flatMap(([g, subs]) => (subs.length > 0 ? [g] : [])));
  for (const g of Object.keys(file.groups ?? {})) groups.add(g);

  const tasks: LmmsEvalTaskResult[] = Object.entries(file.results).map(([task, entry]) => {
    const higher = file.higher_is_better?.[task] ?? {};
    const order = metricOrder(file.configs?.[task]);
    const metrics: LmmsEvalMetric[] = [];
    for (const [key, raw] of Object.entries(entry)) {
      const comma = key.lastIndexOf(",");
      if (comma < 0 || typeof raw !== "number") continue;
      const metric = key.slice(0, comma);
      const filter = key.slice(comma + 1);
      if (metric.endsWith("_stderr")) continue;
      const stderrRaw = entry[`${metric}_stderr,${filter}`];
      metrics.push({
        metric,
        filter,
        value: raw,
        stderr: typeof stderrRaw === "number" && Number.isFinite(stderrRaw) ? stderrRaw : null,
        higherIsBetter: higher[metric] ?? null,
      });
    }
    metrics.sort((a, b) => rank(order, a) - rank(order, b));
    const alias = typeof entry.alias === "string" ? entry.alias.replace(/^\s*-\s*/, "").trim() : task;
    return {
      task,
      alias: alias || task,
      group: groupOf.get(task) ?? null,
      isGroup: groups.has(task),
      metrics,
      nSamples: file["n-samples"]?.[task] ?? null,
      version: file.versions?.[task] ?? null,
    };
  });

  const modelArgs = file.config?.model_args;
  return {
    date: file.date === undefined || file.date === null ? null : String(file.date),
    model: file.config?.model ?? null,
    modelArgs: typeof modelArgs === "string" ? modelArgs : modelArgs ? JSON.stringify(modelArgs) : null,
    modelName: file.model_name ?? null,
    limit: file.config?.limit ?? null,
    gitHash: file.git_hash ?? null,
    tasks,
  };
}

/** The metric a task is judged by: the first of its metric_list, on the "none" filter when it has one. */
export function primaryMetric(task: Pick<LmmsEvalTaskResult, "metrics">): LmmsEvalMetric | null {
  return task.metrics[0] ?? null;
}

/**
 * Samples in a task that has results: a group's own entry has none (its subtasks carry them), so
 * a group is summarized as the sample-weighted mean of its subtasks' primary metric.
 */
export function taskSummaries(results: LmmsEvalResults): TaskSummary[] {
  const summaries: TaskSummary[] = [];
  for (const task of results.tasks) {
    const metric = primaryMetric(task);
    if (metric) {
      summaries.push({ task: task.task, group: task.group, metric, samples: task.nSamples?.effective ?? null, derived: false });
      continue;
    }
    if (!task.isGroup) continue;
    const subtasks = results.tasks.filter((t) => t.group === task.task && primaryMetric(t));
    const first = subtasks[0] ? primaryMetric(subtasks[0]) : null;
    if (!first) continue;
    const same = subtasks.filter((t) => primaryMetric(t)?.metric === first.metric && primaryMetric(t)?.filter === first.filter);
    const weights = same.map((t) => t.nSamples?.effective ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const value = same.reduce((sum, t, i) => sum + (primaryMetric(t)?.value ?? 0) * (weights[i] ?? 0), 0) / total;
    const stderrs = same.map((t) => primaryMetric(t)?.stderr ?? null);
    const stderr = stderrs.every((s): s is number => s !== null)
      ? Math.sqrt(stderrs.reduce((sum, s, i) => sum + ((weights[i] ?? 0) / total) ** 2 * s * s, 0))
      : null;
    summaries.push({
      task: task.task,
      group: null,
      metric: { ...first, value, stderr },
      samples: same.every((t) => t.nSamples) ? total : null,
      derived: true,
    });
  }
  return summaries;
}

export interface TaskSummary {
  task: string;
  group: string | null;
  metric: LmmsEvalMetric;
  samples: number | null;
  /** A group's figure computed here from its subtasks (lmms-eval wrote none for the group). */
  derived: boolean;
}

export interface LmmsEvalSample {
  docId: number;
  target: string;
  /** The filtered response the metrics were computed on. */
  response: string;
  /** The raw response, when filtering changed it. */
  rawResponse: string | null;
  input: string | null;
  /** The task's per-sample metric values (numbers, or the task's own records). */
  scores: Record<string, unknown>;
}

const SAMPLE_FIELDS = new Set([
  "doc_id",
  "target",
  "resps",
  "filtered_resps",
  "doc_hash",
  "prompt_hash",
  "target_hash",
  "input",
  "arguments",
  "doc",
]);

const sampleSchema = z
  .object({
    doc_id: z.number(),
    target: z.unknown(),
    filtered_resps: z.unknown(),
    resps: z.unknown().optional(),
    input: z.unknown().optional(),
  })
  .loose();

/** Parses a `<date>_samples_<task>.jsonl` file; a malformed line throws with its line number. */
export function parseLmmsEvalSamples(text: string): LmmsEvalSample[] {
  const samples: LmmsEvalSample[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const row = parseOrExplain(sampleSchema, parseJson(line, `samples line ${i + 1}`), `samples line ${i + 1}`);
    const scores: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) if (!SAMPLE_FIELDS.has(key)) scores[key] = value;
    samples.push({
      docId: row.doc_id,
      target: String(row.target ?? ""),
      response: flatten(row.filtered_resps),
      rawResponse: row.resps === undefined ? null : flatten(row.resps),
      input: typeof row.input === "string" ? row.input : row.input === undefined ? null : JSON.stringify(row.input),
      scores,
    });
  });
  return samples;
}

const RESULTS_FILE = /^(\d{8}_\d{6})_results\.json$/;
const SAMPLES_FILE = /^(\d{8}_\d{6})_samples_(.+)\.jsonl$/;

/** `<date>_results.json` → its date, or null for another name. */
export function resultsFileDate(fileName: string): string | null {
  return RESULTS_FILE.exec(baseName(fileName))?.[1] ?? null;
}

/** `<date>_samples_<task>.jsonl` → its date and task, or null for another name. */
export function samplesFileTask(fileName: string): { date: string; task: string } | null {
  const match = SAMPLES_FILE.exec(baseName(fileName));
  return match?.[1] && match[2] ? { date: match[1], task: match[2] } : null;
}

function baseName(fileName: string): string {
  return fileName.split("/").pop() ?? fileName;
}

function metricOrder(config: Record<string, unknown> | undefined): string[] {
  const list = config?.metric_list;
  if (!Array.isArray(list)) return [];
  return list.flatMap((m) =>
    typeof m === "object" && m !== null && typeof (m as { metric?: unknown }).metric === "string" ? [(m as { metric: string }).metric] : [],
  );
}

function rank(order: string[], metric: LmmsEvalMetric): number {
  const position = order.indexOf(metric.metric);
  return (position < 0 ? order.length : position) * 2 + (metric.filter === "none" ? 0 : 1);
}

function flatten(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(flatten).join("\n");
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid ${what}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
