import path from "node:path";
import { TERMINAL_STATES, trainingSubmissionId, type TrainingState } from "@/lib/backends";
import { resolveBackendConfig } from "@/lib/backends/registry";
import { compareBenchmarks } from "@/lib/benchmarks/comparison";
import { filesFromLog, judgeEnvironment, lmmsEvalJobCommand } from "@/lib/benchmarks/lmms-eval-job";
import { parseLmmsEvalResults, resultsFileDate, samplesFileTask, taskSummaries } from "@/lib/benchmarks/lmms-eval-results";
import { dataDir } from "@/lib/config/paths";
import { log } from "@/lib/log";
import {
  benchmarkFiguresOfRuns,
  benchmarkJobOf,
  ensureBenchmarkJob,
  storeBenchmarkResults,
  updateBenchmarkJob,
  type BenchmarkJobRow,
} from "../db/benchmark-repository";
import { findBackend } from "../db/catalog-repository";
import { loadCycle, type CycleState } from "../db/cycle-repository";
import type { TrainingRunStatus } from "../db/training-repository";
import { trainingBackendFor } from "../engine/clients";
import { clusterPath } from "../exports/write-export";
import type { CyclePlan } from "../plan";

const LOG_TAIL_CHARS = 4000;

const STATUS_OF: Record<TrainingState, TrainingRunStatus> = {
  pending: "PENDING",
  running: "RUNNING",
  succeeded: "SUCCEEDED",
  failed: "FAILED",
  cancelled: "CANCELLED",
};

export interface BenchmarkGate {
  /** A benchmark job of this cycle (or the run's base reference) is still running. */
  wait: boolean;
  /** Set when the benchmark stop rule ends the run with this cycle. */
  stop?: string;
}

/**
 * The cycle's zero-shot benchmarks: submits the run's base-model job (once per run, the
 * reference) and this cycle's checkpoint job on the training backend, follows them, and stores
 * lmms-eval's results files when they finish. A failed benchmark is recorded on its job, not
 * held against the cycle.
 */
export async function benchmarkGate(given: CycleState, plan: CyclePlan): Promise<BenchmarkGate> {
  const settings = plan.config.benchmarks;
  if (!settings.enabled) return { wait: false };
  // Straight from TRAINING the caller's snapshot predates the checkpoint the training registered.
  const cycle = given.outputCheckpoint ? given : await loadCycle(given.id);
  if (!cycle?.outputCheckpoint) return { wait: false };
  let waiting = false;
  for (const index of [0, cycle.index]) {
    try {
      const job = await ensureSubmitted(cycle, plan, index);
      if (!(await follow(job))) waiting = true;
    } catch (error) {
      // The backend client already retried: the benchmark is given up, the cycle goes on.
      await giveUp(cycle.runId, index, error);
    }
  }
  if (waiting) return { wait: true };
  return { wait: false, ...(await stopRule(cycle, plan)) };
}

/** Stops the cycle's benchmark jobs still in flight (best effort). */
export async function cancelBenchmarks(cycle: CycleState, plan: CyclePlan): Promise<void> {
  if (!plan.config.benchmarks.enabled) return;
  for (const index of [0, cycle.index]) {
    const job = await benchmarkJobOf(cycle.runId, index);
    if (!job?.backendJobId || (job.status !== "PENDING" && job.status !== "RUNNING")) continue;
    if (index === 0 && job.cycleId !== cycle.id) continue;
    try {
      const { backend } = await trainingBackendFor(job.backendId);
      await backend.cancel(job.backendJobId);
      await updateBenchmarkJob(job.id, { status: "CANCELLED", error: "cancelled with the cycle", finishedAt: new Date() });
    } catch (error) {
      log.warn("cancelling a benchmark job failed", { jobId: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

async function giveUp(runId: number, cycleIndex: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  log.warn("a benchmark job could not be submitted or followed", { runId, cycleIndex, error: message });
  const job = await benchmarkJobOf(runId, cycleIndex);
  if (job) await updateBenchmarkJob(job.id, { status: "FAILED", error: message.slice(0, 2000), finishedAt: new Date() });
}

async function ensureSubmitted(cycle: CycleState, plan: CyclePlan, cycleIndex: number): Promise<BenchmarkJobRow> {
  const existing = await benchmarkJobOf(cycle.runId, cycleIndex);
  if (existing?.backendJobId || (existing && existing.status !== "PENDING")) return existing;
  const settings = plan.config.benchmarks;
  const training = plan.config.training;
  const baseModel = training.modelNameOrPath ?? cycle.inputCheckpoint.baseModel;
  const outputDir = clusterPath(
    path.join(dataDir(), "benchmarks", `run-${cycle.runId}`, cycleIndex === 0 ? "base" : `cycle-${cycleIndex}`),
    training.clusterDataDir,
  );
  const adapterPath = cycle.outputCheckpoint?.adapterPath;
  const command = lmmsEvalJobCommand({
    config: settings,
    baseModel,
    ...(cycleIndex > 0 && adapterPath ? { adapter: { path: adapterPath, template: training.template } } : {}),
    outputDir,
  });
  const { backend, simulated } = await trainingBackendFor(plan.trainingBackendId);
  const job =
    existing ??
    (await ensureBenchmarkJob({
      runId: cycle.runId,
      cycleIndex,
      cycleId: cycleIndex === 0 ? null : cycle.id,
      checkpointId: cycleIndex === 0 ? plan.baseCheckpointId : (cycle.outputCheckpoint?.id ?? null),
      modelLabel: cycleIndex === 0 ? baseModel : (cycle.outputCheckpoint?.servedName ?? `cycle ${cycleIndex}`),
      backendId: plan.trainingBackendId,
      tasks: settings.tasks,
      limit: settings.limit,
      command,
      simulated,
    }));
  const { jobId } = await backend.submit({
    submissionId: trainingSubmissionId(`r${cycle.runId}-bench`, cycleIndex),
    cycleIndex,
    configPath: `${outputDir}/lmms-eval`,
    outputDir,
    command,
    env: await judgeEnv(settings.judge),
  });
  await updateBenchmarkJob(job.id, { backendJobId: jobId, status: "PENDING", submittedAt: new Date() });
  return { ...job, backendJobId: jobId };
}

/** The judge backend's URL and key as the job's environment (never its command line). */
async function judgeEnv(name: string | undefined): Promise<Record<string, string>> {
  if (!name) return {};
  const row = await findBackend({ name });
  if (!row) throw new Error(`the benchmark judge backend "${name}" is not registered`);
  const resolved = resolveBackendConfig(row);
  if (resolved.role !== "INFERENCE") throw new Error(`the benchmark judge "${name}" is not an inference backend`);
  const { baseUrl, apiKey, model } = resolved.config as { baseUrl: string; apiKey?: string; model?: string };
  return judgeEnvironment({ baseUrl, ...(apiKey ? { apiKey } : {}), ...(model ? { model } : {}) });
}

/** One look at a job; true once it is over (stored, failed or cancelled). */
async function follow(job: BenchmarkJobRow): Promise<boolean> {
  if (job.status === "SUCCEEDED" || job.status === "FAILED" || job.status === "CANCELLED") return true;
  if (!job.backendJobId) return false;
  const { backend } = await trainingBackendFor(job.backendId);
  const status = await backend.status(job.backendJobId);
  if (!TERMINAL_STATES.has(status.state)) {
    await updateBenchmarkJob(job.id, { status: STATUS_OF[status.state] });
    return false;
  }
  const logs = await backend.logs(job.backendJobId).catch(() => "");
  const logTail = logs.slice(-LOG_TAIL_CHARS);
  if (status.state !== "succeeded") {
    await updateBenchmarkJob(job.id, {
      status: STATUS_OF[status.state],
      logTail,
      error: `lmms-eval job ${status.state}${status.message ? `: ${status.message.slice(0, 500)}` : ""}`,
      finishedAt: new Date(),
    });
    return true;
  }
  try {
    await storeFiles(job, logs, logTail);
  } catch (error) {
    await updateBenchmarkJob(job.id, {
      status: "FAILED",
      logTail,
      error: `lmms-eval finished but its results could not be read: ${error instanceof Error ? error.message : String(error)}`,
      finishedAt: new Date(),
    });
  }
  return true;
}

async function storeFiles(job: BenchmarkJobRow, logs: string, logTail: string): Promise<void> {
  const files = filesFromLog(logs);
  const resultsName = [...files.keys()].filter((name) => resultsFileDate(name) !== null).pop();
  if (!resultsName) throw new Error("the job's log holds no <date>_results.json");
  const text = files.get(resultsName) ?? "";
  const parsed = parseLmmsEvalResults(text);
  const date = resultsFileDate(resultsName);
  const samplesFiles: Record<string, string> = {};
  for (const [name, body] of files) if (samplesFileTask(name)?.date === date) samplesFiles[name] = body;
  const metricsByTask = new Map(parsed.tasks.map((t) => [t.task, t.metrics]));
  await storeBenchmarkResults(
    job,
    { resultsFileName: resultsName, resultsFile: JSON.parse(text), samplesFiles, logTail },
    taskSummaries(parsed),
    metricsByTask,
  );
}

/** The benchmark stop rule: this cycle gained less than `minGain` points on `task` over the previous cycle (or the base). */
async function stopRule(cycle: CycleState, plan: CyclePlan): Promise<{ stop?: string }> {
  const rule = plan.config.benchmarks.stopRule;
  if (!rule) return {};
  const [task] = compareBenchmarks((await benchmarkFiguresOfRuns([cycle.runId])).filter((f) => f.task === rule.task));
  const own = task?.rows.find((r) => r.cycleIndex === cycle.index);
  const previous = task?.rows.filter((r) => r.cycleIndex < cycle.index).pop();
  if (!own || !previous) return {};
  const gain = own.points - previous.points;
  const against = previous.cycleIndex === 0 ? "the base model" : `cycle ${previous.cycleIndex}`;
  return gain < rule.minGain
    ? { stop: `${rule.task} improved ${gain.toFixed(1)} points over ${against}, less than the minimum ${rule.minGain}` }
    : {};
}
