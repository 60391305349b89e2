import { writeFile } from "node:fs/promises";
import path from "node:path";
import { mediaRoot } from "@/lib/config/media-root";
import { type ExportRow, preferenceCandidatesPage } from "../db/export-repository";
import { modesOf } from "../db/metrics-repository";
import { RecordFileWriter } from "./json-array-writer";
import { userTurnOf } from "./formats";
import { archiveLlamaFactory } from "./llama-factory-archive";
import { llamaFactoryPreferenceItem, manifestEntry, type PreferenceSource, pairsOf, preferenceDatasetInfo } from "./preference-pairs";
import { exportDirectory, type ExportSettings, llamaFactoryVideoPath, type WrittenExport } from "./write-export";

const QUESTIONS_PER_PAGE = 500;

const PAIRING_RULE = {
  chosen:
    "an answer people judged correct (an adjudication overrides the raters' audits; every submitted audit must say CORRECT), else one the verifier passed; never one judged hallucinated",
  rejected:
    "an answer people judged hallucinated (adjudication first, then any submitted audit saying HALLUCINATED), else one the verifier failed",
  perQuestion: "at most one pair per question, with the strongest evidence available (adjudication > audit > verifier)",
  unused: "answers people judged PARTLY_CORRECT or UNSURE, unverified answers, and a rejected answer with the chosen one's very words",
} as const;

/**
 * Writes a cycle's preference pairs as a LLaMA-Factory DPO dataset and zips it with dataset_info.json,
 * a README and manifest.json (each pair's source, answers and whether a simulated backend wrote them).
 */
export async function writePreferenceExport(row: ExportRow, settings: ExportSettings): Promise<WrittenExport> {
  if (row.cycleId === null) throw new Error(`export ${row.id} belongs to no cycle`);
  const cycleId = row.cycleId;
  const directory = exportDirectory(row);
  const datasetName = `vstar_c${cycleId}_dpo`;
  const fileName = `${datasetName}.json`;
  const writer = await RecordFileWriter.open(path.join(directory, fileName), "json-array");
  const entries: ReturnType<typeof manifestEntry>[] = [];
  const bySource: Record<PreferenceSource, number> = { adjudication: 0, audit: 0, verifier: 0 };
  let simulated = 0;
  let afterQuestionId = 0;
  for (;;) {
    const page = await preferenceCandidatesPage({
      cycleId,
      verifierVersion: settings.verifierVersion,
      modes: modesOf(row.filters),
      afterQuestionId,
      questions: QUESTIONS_PER_PAGE,
    });
    if (page.length === 0) break;
    for (const pair of pairsOf(page)) {
      const { candidate } = pair.chosen;
      const relativeVideoPath = candidate.mediaPath ?? candidate.sourcePath ?? `${candidate.videoKey}.mp4`;
      await writer.add(
        llamaFactoryPreferenceItem(pair, {
          userTurn: userTurnOf(settings.userTurn, settings.answerPrompt, candidate.question),
          videoPath: llamaFactoryVideoPath(row.filters, relativeVideoPath, settings.clusterDataDir),
        }),
      );
      entries.push(manifestEntry(pair, entries.length));
      bySource[pair.source] += 1;
      if (pair.simulated) simulated += 1;
    }
    afterQuestionId = page[page.length - 1]!.questionId;
  }
  const { records } = await writer.close();
  await writeFile(path.join(directory, "dataset_info.json"), `${JSON.stringify(preferenceDatasetInfo(datasetName, fileName), null, 2)}\n`);
  const manifest = {
    kind: "preference pairs (LLaMA-Factory sharegpt, ranking: true) for stage: dpo",
    cycleId,
    exportId: row.id,
    dataset: datasetName,
    file: fileName,
    pairs: records,
    bySource,
    simulatedPairs: simulated,
    rule: PAIRING_RULE,
    records: entries,
  };
  await writeFile(path.join(directory, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const archive = await archiveLlamaFactory(directory, fileName, readme(row, datasetName, fileName, records, bySource, simulated), {
    removeLoose: true,
    extraFiles: ["manifest.json"],
  });
  return { storagePath: path.relative(mediaRoot(), archive.file), directory, datasetName, rowCount: records, sizeBytes: archive.bytes };
}

function readme(
  row: ExportRow,
  datasetName: string,
  fileName: string,
  records: number,
  bySource: Record<PreferenceSource, number>,
  simulated: number,
): string {
  return [
    `# ${datasetName}: Video-STaR preference pairs for LLaMA-Factory (DPO)`,
    "",
    `Cycle ${row.cycleId}, export ${row.id}: ${records} pairs in ${fileName}, in LLaMA-Factory's sharegpt preference format`,
    "(the question in `messages`, a `chosen` and a `rejected` assistant message, the clip in `videos`), registered in",
    'dataset_info.json with `"ranking": true`.',
    "",
    `Sources: ${bySource.adjudication} from adjudications, ${bySource.audit} from audits, ${bySource.verifier} from the verifier alone.`,
    ...(simulated > 0 ? ["", `SIMULATED: ${simulated} of these pairs hold answers made by a simulated backend, not by a model.`] : []),
    "",
    "## Which answer is chosen",
    "",
    `- chosen: ${PAIRING_RULE.chosen}.`,
    `- rejected: ${PAIRING_RULE.rejected}.`,
    `- ${PAIRING_RULE.perQuestion}.`,
    `- not used: ${PAIRING_RULE.unused}.`,
    "",
    "Each record's `source` (adjudication, audit or verifier) and `simulated` are ours (LLaMA-Factory ignores them);",
    "manifest.json names both answers of every pair and who judged each.",
    "",
    "## Clips",
    "",
    row.filters.absoluteVideoPaths === true
      ? "Each record's video is an absolute path on the server that wrote this export: train where those files are."
      : `Each record's video is \`${row.filters.videoFolder ?? "videos"}/<clip path>\`, read from this folder (LLaMA-Factory's media_dir defaults to dataset_dir).`,
    "",
    "## Training",
    "",
    "```yaml",
    "stage: dpo",
    "dataset_dir: <this folder>",
    `dataset: ${datasetName}`,
    "pref_beta: 0.1",
    "pref_loss: sigmoid",
    "```",
    "",
  ].join("\n");
}
