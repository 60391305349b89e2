import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { resolveBackendConfig } from "@/lib/backends/registry";
import { inTransaction } from "@/lib/db/transaction";
import { conflict, DomainError, invalidField } from "@/lib/errors/domain-error";
import { findBackend, ensureBaseCheckpoint, findDataset } from "./db/catalog-repository";
import { reopenBatches } from "./db/batch-repository";
import {
  createRunWithFirstCycle,
  latestCycleOfRun,
  loadCycle,
  mergeCycleMetrics,
  requestCancel,
  resetForResume,
  retryItemErrors,
  setRunStatus,
} from "./db/cycle-repository";
import { planSelection } from "./db/selection-repository";
import { latestTrainingRun } from "./db/training-repository";
import { parseCycleConfig } from "./config";
import { jobSender, type JobSender } from "./engine/job-sender";
import { nudgeCycle } from "./engine/tick";
import type { CyclePlan } from "./plan";
import { isTerminal, resumeStatus, STAGES_OF, type CycleStatus } from "./state-machine";

const runNotFound = (runId: number) => new DomainError("not-found", `run ${runId} does not exist`);

/**
 * Validates a configuration (an invalid-input DomainError names the field at fault), fixes the
 * run's plan (dataset ids, deterministic samples, backends, base checkpoint), creates the run with
 * its first cycle and hands it to the workers. Audited as `cycle.launch`.
 */
export async function launchRun(
  input: unknown,
  actor: Actor,
  options: { jobs?: JobSender } = {},
): Promise<{ runId: number; cycleId: number }> {
  const config = parseCycleConfig(input);
  const inference = await findBackend({ name: config.backends.inference });
  if (inference?.role !== "INFERENCE")
    throw invalidField("backends.inference", `backends.inference: no inference backend named "${config.backends.inference}"`);
  const training = await findBackend({ name: config.backends.training });
  if (training?.role !== "TRAINING")
    throw invalidField("backends.training", `backends.training: no training backend named "${config.backends.training}"`);
  const embeddings = config.backends.embeddings === undefined ? undefined : await findBackend({ name: config.backends.embeddings });
  if (embeddings !== undefined && embeddings?.role !== "EMBEDDINGS")
    throw invalidField("backends.embeddings", `backends.embeddings: no embeddings backend named "${config.backends.embeddings}"`);
  if (embeddings !== undefined) resolveBackendConfig(embeddings);
  const resolved = resolveBackendConfig(inference);
  if (resolved.role === "TRAINING")
    throw invalidField("backends.inference", `backends.inference: "${inference.name}" is a training backend`);
  const base = await ensureBaseCheckpoint(config.baseCheckpoint ?? resolved.config.model, inference.isSimulator);

  const datasets: CyclePlan["datasets"] = [];
  for (const [position, entry] of config.datasets.entries()) {
    const dataset = await findDataset(entry.dataset);
    if (!dataset)
      throw invalidField(`datasets.${position}.dataset`, `datasets.${position}.dataset: no dataset ${JSON.stringify(entry.dataset)}`);
    if (datasets.some((d) => d.datasetId === dataset.id))
      throw invalidField(`datasets.${position}.dataset`, `datasets.${position}.dataset: "${dataset.name}" is listed twice`);
    const train = await planSelection({
      datasetId: dataset.id,
      splits: entry.splits,
      sampleSize: entry.sampleSize,
      seedKey: `${config.seed}`,
    });
    if (train.count === 0)
      throw invalidField(
        `datasets.${position}.splits`,
        `datasets.${position}.splits: "${dataset.name}" has no questions in split(s) ${entry.splits.join(", ")}`,
      );
    const evaluation = config.evaluation.enabled
      ? await planSelection({
          datasetId: dataset.id,
          splits: config.evaluation.splits,
          sampleSize: config.evaluation.sampleSize,
          seedKey: `${config.seed}:evaluation`,
        })
      : null;
    datasets.push({ datasetId: dataset.id, name: dataset.name, train, evaluation: evaluation && evaluation.count > 0 ? evaluation : null });
  }
  const plan: CyclePlan = {
    version: 1,
    config,
    datasets,
    inferenceBackendId: inference.id,
    trainingBackendId: training.id,
    ...(embeddings === undefined ? {} : { embeddingsBackendId: embeddings.id }),
    baseCheckpointId: base.id,
  };
  const created = await inTransaction(async (tx) => {
    const run = await createRunWithFirstCycle({ name: config.name, plan, createdById: actor.userId }, tx);
    await recordAudit(tx, actor, { action: "cycle.launch", targetId: run.runId, details: { cycleId: run.cycleId } });
    return run;
  });
  await nudgeCycle(created.cycleId, options.jobs ?? (await jobSender()));
  return created;
}

/** Cancels a run: its current cycle stops (training job cancelled too); what it produced is kept. Audited as `cycle.cancel`. */
export async function cancelRun(runId: number, actor: Actor, jobs?: JobSender): Promise<{ cycleId: number }> {
  const cycle = await latestCycleOfRun(runId);
  if (!cycle) throw runNotFound(runId);
  if (isTerminal(cycle.status)) throw conflict(`run ${runId} is not running (its cycle is ${cycle.status.toLowerCase()})`);
  await inTransaction(async (tx) => {
    await requestCancel(cycle.id, tx);
    await recordAudit(tx, actor, { action: "cycle.cancel", targetId: runId, details: { cycleId: cycle.id } });
  });
  await nudgeCycle(cycle.id, jobs ?? (await jobSender()));
  return { cycleId: cycle.id };
}

export interface ResumeOptions {
  jobs?: JobSender;
  /** Retry only the given-up items that failed for these reasons (all of them by default). */
  reasons?: readonly string[];
}

/**
 * Resumes a failed or cancelled run where its cycle stopped: that stage's batches go round again
 * (skipping rows that exist), its given-up items are retried, a failed training is submitted anew.
 * All of it in one transaction, audited as `cycle.resume`.
 */
export async function resumeRun(
  runId: number,
  actor: Actor,
  { jobs, reasons }: ResumeOptions = {},
): Promise<{ cycleId: number; status: CycleStatus }> {
  const latest = await latestCycleOfRun(runId);
  if (!latest) throw runNotFound(runId);
  if (latest.status !== "FAILED" && latest.status !== "CANCELLED")
    throw conflict(`run ${runId} cannot be resumed: its cycle is ${latest.status.toLowerCase()}`);
  const cycle = await loadCycle(latest.id);
  if (!cycle) throw runNotFound(runId);
  const stoppedIn = typeof cycle.metrics.stoppedIn === "string" ? (cycle.metrics.stoppedIn as CycleStatus) : undefined;
  const status = resumeStatus(stoppedIn);
  const stages = [...STAGES_OF[status]];
  const trainingAttemptBase = status === "TRAINING" ? ((await latestTrainingRun(cycle.id))?.attempt ?? 0) : null;
  await inTransaction(async (tx) => {
    await reopenBatches(cycle.id, stages, tx);
    await retryItemErrors(cycle.id, stages, reasons, tx);
    if (trainingAttemptBase !== null) await mergeCycleMetrics(cycle.id, { trainingAttemptBase }, tx);
    if (!(await resetForResume(cycle.id, status, tx))) throw conflict(`run ${runId} changed while resuming; try again`);
    await setRunStatus(runId, "ACTIVE", tx);
    await recordAudit(tx, actor, {
      action: "cycle.resume",
      targetId: runId,
      details: { cycleId: cycle.id, status, reasons: reasons ? [...reasons] : "all" },
    });
  });
  await nudgeCycle(cycle.id, jobs ?? (await jobSender()));
  return { cycleId: cycle.id, status };
}
