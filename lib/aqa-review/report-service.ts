import type { Readable } from "node:stream";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { inTransaction } from "@/lib/db/transaction";
import { analyseAnswer } from "./answer-analysis";
import { aqaDatasetIds, eachAqaGeneration, findCycleHeader, type AqaMode } from "./aqa-repository";
import { difficultyTableFor } from "./cycle-review";
import { diveFigures } from "./dive-figures";
import { generationRecord } from "./generation-records";
import { reportCsvStream, reportRow, type ReportRow } from "./report-csv";
import { listCycleSignOffs } from "./sign-off-repository";
import { signOffView, type SignOffView } from "./sign-off-view";

/**
 * The cycle's dives as a CSV stream: generations are read in batches and each row is written as soon
 * as its figures are computed, so a large cycle never sits in memory. Null when the cycle does not exist.
 * Generations whose dive record cannot be read are left out (the dashboard lists them as problems).
 * Each report handed out is recorded as `aqa.report.export`.
 */
export async function cycleReportCsv(cycleId: number, mode: AqaMode, actor: Actor): Promise<Readable | null> {
  if ((await findCycleHeader(cycleId)) === null) return null;
  await inTransaction((tx) => recordAudit(tx, actor, { action: "aqa.report.export", targetId: cycleId, details: { mode, format: "csv" } }));
  const [table, signOffs] = await Promise.all([aqaDatasetIds(cycleId, mode).then(difficultyTableFor), listCycleSignOffs(cycleId)]);
  const byGeneration = new Map<number, SignOffView[]>();
  for (const view of signOffs.map(signOffView)) {
    byGeneration.set(view.generationId, [...(byGeneration.get(view.generationId) ?? []), view]);
  }
  async function* rows(): AsyncGenerator<ReportRow> {
    for await (const row of eachAqaGeneration(cycleId, mode)) {
      const result = generationRecord(row);
      if (!result.ok) continue;
      const figures = diveFigures(result.record, analyseAnswer(result.record.text), table);
      yield reportRow(figures, byGeneration.get(row.id) ?? []);
    }
  }
  return reportCsvStream(rows());
}

export function reportFileName(cycle: { id: number; index: number; run: { id: number } }, mode: AqaMode): string {
  return `aqa-run${cycle.run.id}-cycle${cycle.index}-${mode.toLowerCase()}.csv`;
}
