import { VERIFIER_VERSION } from "@/lib/verifier";
import { createExport, findExport, findTrainingExport, updateExport, type ExportRow } from "../db/export-repository";
import type { CycleState } from "../db/cycle-repository";
import { writePreferenceExport } from "../exports/preference-export";
import { writeExport, type WrittenExport } from "../exports/write-export";
import type { CyclePlan } from "../plan";

/** The cycle's LLaMA-Factory export for training (created once; written again if it did not finish). */
export async function ensureTrainingExport(cycle: CycleState, plan: CyclePlan): Promise<ExportRow> {
  const existing = await findTrainingExport(cycle.id);
  const row =
    existing ??
    (await createExport({
      cycleId: cycle.id,
      format: "LLAMA_FACTORY",
      filters: { purpose: "training", directOnly: cycle.isFinal || !plan.config.rationalization.enabled, excludeHallucinated: true },
    }));
  if (row.status === "DONE") return row;
  await runExport(row, plan);
  return (await findExport(row.id)) ?? row;
}

/** Writes an Export row's files and records the outcome on it. */
export async function runExport(row: ExportRow, plan: Pick<CyclePlan, "config">): Promise<WrittenExport> {
  await updateExport(row.id, { status: "RUNNING", error: null });
  try {
    const { training } = plan.config;
    const write = row.format === "LLAMA_FACTORY_DPO" ? writePreferenceExport : writeExport;
    const written = await write(row, {
      verifierVersion: VERIFIER_VERSION,
      answerPrompt: plan.config.prompts.answer,
      userTurn: training.userTurn,
      clusterDataDir: training.clusterDataDir,
      ...(row.filters.purpose === "training" && training.instructionData !== undefined
        ? { instructionData: training.instructionData }
        : {}),
    });
    await updateExport(row.id, {
      status: "DONE",
      storagePath: written.storagePath,
      rowCount: written.rowCount,
      sizeBytes: BigInt(written.sizeBytes),
      finishedAt: new Date(),
    });
    return written;
  } catch (error) {
    await updateExport(row.id, { status: "FAILED", error: error instanceof Error ? error.message : String(error), finishedAt: new Date() });
    throw error;
  }
}
