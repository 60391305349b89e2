import { z } from "zod";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { inTransaction } from "@/lib/db/transaction";
import { loadCycle } from "../db/cycle-repository";
import { createExport, findExport, type ExportRow } from "../db/export-repository";
import { jobSender, type JobSender } from "../engine/job-sender";
import { parseCyclePlan } from "../plan";
import { runExport } from "../stages/training-export";

/** Where a downloaded LLaMA-Factory export expects its clips unless told otherwise: beside dataset_info.json. */
const DEFAULT_VIDEO_FOLDER = "videos";

export const exportRequestSchema = z.strictObject({
  /** LLAMA_FACTORY_DPO: preference pairs (chosen / rejected answer to one question) for LLaMA-Factory's DPO stage. */
  format: z.enum(["VIDEO_LLAVA", "LLAMA_FACTORY", "LLAMA_FACTORY_DPO", "JSONL"]),
  /** Direct answers only (leave rationalizations out). */
  directOnly: z.boolean().default(false),
  /** Leave out answers an annotator marked HALLUCINATED (preference pairs use them as the rejected answer instead). */
  excludeHallucinated: z.boolean().default(true),
  /**
   * LLaMA-Factory: the folder the clips will be in, relative to the unpacked dataset folder (or
   * absolute on the training machine); each video path is this folder and the clip's path in the
   * media store.
   */
  videoFolder: z
    .string()
    .trim()
    .min(1, "name the folder the clips will be in")
    .max(500)
    .refine((folder) => !folder.split(/[\\/]/).includes(".."), "must not go up with ..")
    .refine((folder) => [...folder].every((char) => char >= " "), "must not contain control characters")
    .default(DEFAULT_VIDEO_FOLDER),
  /** LLaMA-Factory: write this server's absolute paths instead (for training on this machine's files). */
  absoluteVideoPaths: z.boolean().default(false),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;

/**
 * Queues an export of a cycle's verified answers; a worker writes it (Export row: status, counts,
 * path). Audited as `export.create`.
 */
export async function requestExport(
  cycleId: number,
  request: ExportRequest,
  actor: Actor,
  options: { jobs?: JobSender } = {},
): Promise<ExportRow> {
  const parsed = exportRequestSchema.parse(request);
  if (!(await loadCycle(cycleId))) throw new Error(`cycle ${cycleId} does not exist`);
  const { directOnly, excludeHallucinated } = parsed;
  const paths =
    parsed.format === "LLAMA_FACTORY" || parsed.format === "LLAMA_FACTORY_DPO"
      ? parsed.absoluteVideoPaths
        ? { absoluteVideoPaths: true }
        : { videoFolder: parsed.videoFolder }
      : {};
  const row = await inTransaction(async (tx) => {
    const created = await createExport(
      {
        cycleId,
        format: parsed.format,
        filters: { purpose: "download", directOnly, excludeHallucinated, ...paths },
        createdById: actor.userId,
      },
      tx,
    );
    await recordAudit(tx, actor, {
      action: "export.create",
      targetId: created.id,
      details: { cycleId, format: parsed.format, directOnly, excludeHallucinated, ...paths },
    });
    return created;
  });
  await (options.jobs ?? (await jobSender())).sendExport(row.id);
  return row;
}

/** The export job: writes the files unless they are already written. */
export async function runExportJob(exportId: number): Promise<ExportRow | null> {
  const row = await findExport(exportId);
  if (!row || row.status === "DONE" || row.cycleId === null) return row;
  const cycle = await loadCycle(row.cycleId);
  if (!cycle) throw new Error(`export ${exportId}: cycle ${row.cycleId} no longer exists`);
  await runExport(row, parseCyclePlan(cycle.config));
  return findExport(exportId);
}
