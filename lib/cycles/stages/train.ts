import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildLlamaFactoryConfig, trainingSubmissionId } from "@/lib/backends";
import { dataDir } from "@/lib/config/paths";
import type { CycleState } from "../db/cycle-repository";
import { ensureTrainingRun, trainingRunOf, updateTrainingRun } from "../db/training-repository";
import { trainingBackendFor } from "../engine/clients";
import { clusterPath, exportDirectory } from "../exports/write-export";
import type { CyclePlan } from "../plan";
import { ensureTrainingExport } from "./training-export";

/** Where a cycle's adapter is written: a fresh folder per attempt (LLaMA-Factory refuses a used one). */
function adapterDirectory(cycle: Pick<CycleState, "runId" | "index">, attempt: number): string {
  return path.join(dataDir(), "adapters", `run-${cycle.runId}`, `cycle-${cycle.index}-attempt-${attempt}`);
}

/**
 * Submits the cycle's LoRA SFT (training attempt `attempt`): the training export, a LLaMA-Factory
 * config next to it (always from the base model), and the job under a deterministic submission
 * id, so a retried submit finds the first job instead of starting a second.
 */
export async function submitTraining(cycle: CycleState, plan: CyclePlan, attempt: number): Promise<void> {
  const existing = await trainingRunOf(cycle.id, attempt);
  if (existing?.backendJobId) return;
  const exported = await ensureTrainingExport(cycle, plan);
  if (exported.rowCount === 0) throw new Error("no verified answers to train on: the training export is empty");
  const training = plan.config.training;
  const mapped = (local: string) => clusterPath(local, training.clusterDataDir);
  const directory = exportDirectory(exported);
  const outputDir = adapterDirectory(cycle, attempt);
  const configPath = path.join(directory, `train-attempt-${attempt}.yaml`);
  const baseModel = training.modelNameOrPath ?? cycle.inputCheckpoint.baseModel;
  const yaml = buildLlamaFactoryConfig({
    modelNameOrPath: baseModel,
    template: training.template,
    datasets: [`vstar_c${cycle.id}`],
    datasetDir: mapped(directory),
    outputDir: mapped(outputDir),
    worldSize: training.worldSize,
    video: training.video,
    hyperparameters: training.hyperparameters,
  });
  await writeFile(configPath, yaml);
  const run = await ensureTrainingRun({
    cycleId: cycle.id,
    attempt,
    backendId: plan.trainingBackendId,
    exportId: exported.id,
    config: {
      configPath: mapped(configPath),
      outputDir: mapped(outputDir),
      localOutputDir: outputDir,
      baseModel,
      examples: exported.rowCount,
      yaml,
      // Kept with the run, so a retried submit finds its job; the random part keeps apart the
      // runs of another database (a reset, another installation) that the cluster still remembers.
      submissionId: trainingSubmissionId(`r${cycle.runId}-cy${cycle.id}-${randomBytes(3).toString("hex")}`, cycle.index, attempt - 1),
    },
  });
  const { backend } = await trainingBackendFor(plan.trainingBackendId);
  const { jobId } = await backend.submit({
    submissionId:
      (run.config as { submissionId?: string }).submissionId ??
      // A run stored before submission ids were kept with it.
      trainingSubmissionId(`r${cycle.runId}-cy${cycle.id}`, cycle.index, attempt - 1),
    cycleIndex: cycle.index,
    configPath: mapped(configPath),
    outputDir: mapped(outputDir),
    examples: exported.rowCount,
  });
  await updateTrainingRun(run.id, {
    backendJobId: jobId,
    status: "PENDING",
    logsPointer: backend.kind === "slurm" ? `slurm:${mapped(outputDir)}` : `ray:/api/jobs/${jobId}/logs`,
    startedAt: new Date(),
  });
}
