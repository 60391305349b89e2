import { compareBenchmarks, type BenchmarkFigure, type BenchmarkTaskComparison } from "@/lib/benchmarks/comparison";
import { documentValues, pairedStandardError } from "@/lib/benchmarks/paired";
import { parseLmmsEvalSamples, samplesFileTask, type LmmsEvalSample } from "@/lib/benchmarks/lmms-eval-results";
import { benchmarkFiguresOfRuns, benchmarkFiles, benchmarkJobsOfRuns, benchmarkSamplesOfRuns } from "./db/benchmark-repository";

interface BenchmarkJobView {
  cycleIndex: number;
  label: string;
  modelLabel: string;
  status: string;
  tasks: string[];
  limit: number | null;
  simulated: boolean;
  error: string | null;
  resultsFileName: string | null;
  finishedAt: Date | null;
}

export interface RunBenchmarks {
  runId: number;
  /** Tasks as asked for at launch (a group's figure is the weighted mean of its subtasks). */
  tasks: BenchmarkTaskComparison[];
  /** The subtasks of groups (e.g. TempCompass's multi-choice and yes/no). */
  subtasks: BenchmarkTaskComparison[];
  jobs: BenchmarkJobView[];
  simulated: boolean;
}

function cycleIndexLabel(cycleIndex: number): string {
  return cycleIndex === 0 ? "base model" : `cycle ${cycleIndex}`;
}

/** A run's benchmark figures: base model and every cycle per task, with changes and the paper's gains. */
export async function runBenchmarks(runId: number): Promise<RunBenchmarks> {
  const [figures, jobs] = await Promise.all([benchmarkFiguresOfRuns([runId]), benchmarkJobsOfRuns([runId])]);
  const paired = await pairedErrors(runId, figures);
  return {
    runId,
    tasks: compareBenchmarks(
      figures.filter((f) => f.groupName === null),
      paired,
    ),
    subtasks: compareBenchmarks(
      figures.filter((f) => f.groupName !== null),
      paired,
    ),
    jobs: jobs.map((job) => ({
      cycleIndex: job.cycleIndex,
      label: cycleIndexLabel(job.cycleIndex),
      modelLabel: job.modelLabel,
      status: job.status,
      tasks: job.tasks,
      limit: job.limit,
      simulated: job.simulated,
      error: job.error,
      resultsFileName: job.resultsFileName,
      finishedAt: job.finishedAt,
    })),
    simulated: jobs.some((j) => j.simulated),
  };
}

/**
 * Where both the base model and a cycle logged a task's samples with a per-document value of its
 * metric (and those values average to the reported figures), the standard error of the paired
 * difference, by `${task}:${cycleIndex}`.
 */
async function pairedErrors(runId: number, figures: BenchmarkFigure[]): Promise<Map<string, number>> {
  const jobs = await benchmarkSamplesOfRuns([runId]);
  const samplesOf = (cycleIndex: number, task: string) => {
    const files = jobs.find((j) => j.cycleIndex === cycleIndex)?.samplesFiles;
    if (typeof files !== "object" || files === null) return null;
    const entry = Object.entries(files as Record<string, unknown>).find(([name]) => samplesFileTask(name)?.task === task);
    return entry && typeof entry[1] === "string" ? parseLmmsEvalSamples(entry[1]) : null;
  };
  const valuesOf = (figure: BenchmarkFigure) => {
    const samples = samplesOf(figure.cycleIndex, figure.task);
    const values = samples ? documentValues(samples, figure.metric) : null;
    if (!values) return null;
    const mean = [...values.values()].reduce((a, b) => a + b, 0) / values.size;
    return Math.abs(mean - figure.value) <= 1e-6 * Math.max(1, Math.abs(figure.value)) ? values : null;
  };
  const paired = new Map<string, number>();
  for (const figure of figures) {
    if (figure.cycleIndex === 0) continue;
    const base = figures.find((f) => f.task === figure.task && f.cycleIndex === 0);
    if (!base || base.metric !== figure.metric) continue;
    const [baseValues, values] = [valuesOf(base), valuesOf(figure)];
    const result = baseValues && values ? pairedStandardError(baseValues, values) : null;
    if (result) paired.set(`${figure.task}:${figure.cycleIndex}`, result.se);
  }
  return paired;
}

/** The answers lmms-eval logged for one task of one job (--log_samples), or null when none were written. */
export async function benchmarkSamples(
  runId: number,
  cycleIndex: number,
  task: string,
  limit = 200,
): Promise<{ fileName: string; samples: LmmsEvalSample[]; total: number; simulated: boolean } | null> {
  const files = await benchmarkFiles(runId, cycleIndex);
  if (!files || typeof files.samplesFiles !== "object" || files.samplesFiles === null) return null;
  const entry = Object.entries(files.samplesFiles as Record<string, unknown>).find(([name]) => samplesFileTask(name)?.task === task);
  if (!entry || typeof entry[1] !== "string") return null;
  const samples = parseLmmsEvalSamples(entry[1]);
  return { fileName: entry[0], samples: samples.slice(0, limit), total: samples.length, simulated: files.simulated };
}

/** The stored results file as lmms-eval wrote it. */
export async function benchmarkResultsFile(
  runId: number,
  cycleIndex: number,
): Promise<{ fileName: string; file: unknown; simulated: boolean } | null> {
  const files = await benchmarkFiles(runId, cycleIndex);
  if (!files?.resultsFileName) return null;
  return { fileName: files.resultsFileName, file: files.resultsFile, simulated: files.simulated };
}

const CSV_COLUMNS = [
  "run_id",
  "cycle",
  "task",
  "group",
  "metric",
  "filter",
  "value",
  "stderr",
  "samples",
  "points",
  "change_points",
  "change_low_95",
  "change_high_95",
  "stderr_source",
  "interval_method",
  "paper_change_points",
  "paper_source",
  "simulated",
] as const;

/** Every benchmark figure of the runs, one line per (run, cycle, task); simulated rows say so. */
export async function benchmarkCsv(runIds: number[]): Promise<string> {
  const figures = await benchmarkFiguresOfRuns(runIds);
  const lines: string[] = [CSV_COLUMNS.join(",")];
  for (const runId of runIds) {
    const ofRun = figures.filter((f) => f.runId === runId);
    const paired = await pairedErrors(runId, ofRun);
    for (const top of [false, true]) {
      for (const task of compareBenchmarks(
        ofRun.filter((f) => (f.groupName !== null) === top),
        paired,
      )) {
        for (const row of task.rows) {
          const group = ofRun.find((f) => f.task === row.task)?.groupName ?? "";
          lines.push(
            [
              runId,
              cycleIndexLabel(row.cycleIndex),
              row.task,
              group,
              row.metric,
              row.filter,
              row.value,
              row.stderr ?? "",
              row.samples ?? "",
              round(row.points),
              row.change ? round(row.change.points) : "",
              row.change?.low != null ? round(row.change.low) : "",
              row.change?.high != null ? round(row.change.high) : "",
              row.stderrSource ?? "",
              row.change?.method ?? "",
              task.reference?.points ?? "",
              task.reference?.source ?? "",
              row.simulated ? "simulated" : "",
            ]
              .map(csvCell)
              .join(","),
          );
        }
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

function round(value: number): string {
  return value.toFixed(3);
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
