import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildDatasetInfo } from "@/lib/backends";
import { dataDir } from "@/lib/config/paths";
import { mediaRoot } from "@/lib/config/media-root";
import type { Target } from "@/lib/verifier";
import { curatedPage, type ExportRow } from "../db/export-repository";
import { modesOf } from "../db/metrics-repository";
import { RecordFileWriter } from "./json-array-writer";
import {
  type ExampleContext,
  jsonlItem,
  llamaFactoryInstructionItem,
  llamaFactoryItem,
  userTurnOf,
  videoLlavaInstructionItem,
  videoLlavaItem,
} from "./formats";
import { instructionMediaPath, readInstructionFile, sampleInstructionExamples } from "./instruction-data";
import { archiveLlamaFactory } from "./llama-factory-archive";

const PAGE = 1000;

export interface ExportSettings {
  verifierVersion: string;
  answerPrompt: string;
  /** "question": the user turn is the bare question (released code); "prompt": the rendered answer prompt. */
  userTurn: "question" | "prompt";
  /** General instruction data mixed in (training exports in Video-LLaVA or LLaMA-Factory format only). */
  instructionData?: { file: string; share: number };
  /** Where the training cluster sees this machine's data folder (LLaMA-Factory video paths). */
  clusterDataDir?: string;
}

export interface WrittenExport {
  /** The data file (a downloaded LLaMA-Factory export: the archive), relative to the media root. */
  storagePath: string;
  /** The folder holding it (and dataset_info.json for LLaMA-Factory), absolute. */
  directory: string;
  /** LLaMA-Factory: the dataset name registered in dataset_info.json. */
  datasetName: string;
  rowCount: number;
  sizeBytes: number;
}

/** `<media root>/exports/cycle-<id>/export-<id>/`: one folder per Export row. */
export function exportDirectory(row: Pick<ExportRow, "id" | "cycleId">): string {
  return path.join(mediaRoot(), "exports", `cycle-${row.cycleId ?? "none"}`, `export-${row.id}`);
}

/** A local path as the training cluster sees it (same path unless clusterDataDir maps the data folder). */
export function clusterPath(localPath: string, clusterDataDir: string | undefined): string {
  if (!clusterDataDir) return localPath;
  const relative = path.relative(dataDir(), localPath);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return localPath;
  return path.posix.join(clusterDataDir, ...relative.split(path.sep));
}

/**
 * Where a LLaMA-Factory record says its clip is. A training export: the absolute path as the
 * cluster sees it. A download: under the folder the person named (relative to the dataset folder,
 * LLaMA-Factory's default media_dir, or absolute), unless they asked for this server's paths.
 */
export function llamaFactoryVideoPath(
  filters: Pick<ExportRow["filters"], "purpose" | "videoFolder" | "absoluteVideoPaths">,
  relativeVideoPath: string,
  clusterDataDir: string | undefined,
): string {
  if (filters.purpose === "training" || filters.absoluteVideoPaths === true)
    return clusterPath(path.join(mediaRoot(), relativeVideoPath), filters.purpose === "training" ? clusterDataDir : undefined);
  return path.posix.join(filters.videoFolder ?? "videos", ...relativeVideoPath.split(path.sep));
}

/** Writes an export's file(s) from the database, page by page (memory independent of its size). */
export async function writeExport(row: ExportRow, settings: ExportSettings): Promise<WrittenExport> {
  if (row.cycleId === null) throw new Error(`export ${row.id} belongs to no cycle`);
  if (row.format === "LLAMA_FACTORY_DPO") throw new Error(`export ${row.id} holds preference pairs: writePreferenceExport writes it`);
  const cycleId = row.cycleId;
  const directory = exportDirectory(row);
  const datasetName = `vstar_c${cycleId}`;
  const fileName =
    row.format === "VIDEO_LLAVA" ? "video_llava.json" : row.format === "LLAMA_FACTORY" ? `${datasetName}.json` : "generations.jsonl";
  const writer = await RecordFileWriter.open(path.join(directory, fileName), row.format === "JSONL" ? "jsonl" : "json-array");
  const item = row.format === "VIDEO_LLAVA" ? videoLlavaItem : row.format === "LLAMA_FACTORY" ? llamaFactoryItem : jsonlItem;
  const root = mediaRoot();
  let afterId = 0;
  let simulated = 0;
  for (;;) {
    const page = await curatedPage({
      cycleId,
      verifierVersion: settings.verifierVersion,
      modes: modesOf(row.filters),
      excludeHallucinated: row.filters.excludeHallucinated,
      afterId,
      limit: PAGE,
    });
    for (const example of page) {
      if (example.simulated) simulated += 1;
      const relativeVideoPath = example.mediaPath ?? example.sourcePath ?? `${example.videoKey}.mp4`;
      const context: ExampleContext = {
        cycleId,
        userTurn: userTurnOf(settings.userTurn, settings.answerPrompt, example.question),
        relativeVideoPath,
        videoPath:
          row.format === "LLAMA_FACTORY"
            ? llamaFactoryVideoPath(row.filters, relativeVideoPath, settings.clusterDataDir)
            : clusterPath(path.join(root, relativeVideoPath), settings.clusterDataDir),
        labels: example.targets as Target[],
      };
      await writer.add(item(example, context));
    }
    if (page.length < PAGE) break;
    afterId = page[page.length - 1]!.generationId;
  }
  const mixed = row.format === "JSONL" ? { images: false } : await addInstructionData(writer, row.format, cycleId, settings);
  const { records, bytes } = await writer.close();
  let sizeBytes = bytes;
  if (row.format === "LLAMA_FACTORY") {
    const info = datasetInfoJson(datasetName, fileName, mixed.images);
    await writeFile(path.join(directory, "dataset_info.json"), info);
    sizeBytes += Buffer.byteLength(info);
    if (row.filters.purpose === "download") {
      const archive = await archiveLlamaFactory(directory, fileName, readme(row, datasetName, fileName, records, simulated), {
        removeLoose: true,
      });
      return { storagePath: path.relative(root, archive.file), directory, datasetName, rowCount: records, sizeBytes: archive.bytes };
    }
  }
  return { storagePath: path.relative(root, writer.file), directory, datasetName, rowCount: records, sizeBytes };
}

function readme(row: ExportRow, datasetName: string, fileName: string, records: number, simulated: number): string {
  const where =
    row.filters.absoluteVideoPaths === true
      ? "Each record's video is an absolute path on the server that wrote this export: train where those files are."
      : [
          `Each record's video is \`${row.filters.videoFolder ?? "videos"}/<clip path>\`, the clip's path in the media store under the`,
          "folder named when the export was made. A relative folder is read from this folder (LLaMA-Factory's media_dir",
          "defaults to dataset_dir): copy the clips there, or set media_dir to the folder that holds them.",
        ].join("\n");
  return [
    `# ${datasetName}: Video-STaR training data for LLaMA-Factory`,
    "",
    `Cycle ${row.cycleId}'s verified answers, export ${row.id}: ${records} examples in ${fileName}, in LLaMA-Factory's sharegpt`,
    "format (role/content messages, a videos column), registered in dataset_info.json.",
    ...(simulated > 0 ? ["", `SIMULATED: ${simulated} of these answers were made by a simulated backend, not by a model.`] : []),
    "",
    "## Clips",
    "",
    where,
    "",
    "## Training",
    "",
    "In the training YAML:",
    "",
    "```yaml",
    "dataset_dir: <this folder>",
    `dataset: ${datasetName}`,
    "```",
    "",
  ].join("\n");
}

/**
 * Appends the instruction examples that make up `share` of the written set (the paper mixes general
 * instruction data into every cycle's training set). Returns whether any of them carries images.
 */
async function addInstructionData(
  writer: RecordFileWriter,
  format: "VIDEO_LLAVA" | "LLAMA_FACTORY",
  cycleId: number,
  settings: ExportSettings,
): Promise<{ images: boolean }> {
  const mix = settings.instructionData;
  if (mix === undefined || writer.records === 0) return { images: false };
  const examples = sampleInstructionExamples(await readInstructionFile(mix.file), writer.records, mix.share, cycleId);
  let images = false;
  for (const [i, example] of examples.entries()) {
    images ||= example.images.length > 0;
    const mediaPath = (media: string) => clusterPath(instructionMediaPath(mix.file, media), settings.clusterDataDir);
    await writer.add(
      format === "VIDEO_LLAVA" ? videoLlavaInstructionItem(example, `c${cycleId}-i${i}`) : llamaFactoryInstructionItem(example, mediaPath),
    );
  }
  return { images };
}

/** dataset_info.json for the sharegpt file, with an images column when mixed-in examples carry images. */
function datasetInfoJson(name: string, fileName: string, images: boolean): string {
  const info = buildDatasetInfo([{ name, fileName }]) as Record<string, { columns: Record<string, string> }>;
  const entry = info[name];
  if (images && entry !== undefined) entry.columns = { ...entry.columns, images: "images" };
  return `${JSON.stringify(info, null, 2)}\n`;
}
