import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildDatasetInfoJson } from "@/lib/backends";
import { dataDir } from "@/lib/config/paths";
import { mediaRoot } from "@/lib/config/media-root";
import type { Target } from "@/lib/verifier";
import { curatedPage, type ExportRow } from "../db/export-repository";
import { modesOf } from "../db/metrics-repository";
import { renderPrompt } from "../prompts";
import { RecordFileWriter } from "./json-array-writer";
import { jsonlItem, llamaFactoryItem, videoLlavaItem, type ExampleContext } from "./formats";

const PAGE = 1000;

export interface ExportSettings {
  verifierVersion: string;
  answerPrompt: string;
  /** Where the training cluster sees this machine's data folder (LLaMA-Factory video paths). */
  clusterDataDir?: string;
}

export interface WrittenExport {
  /** The data file, relative to the media root. */
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

/** Writes an export's file(s) from the database, page by page (memory independent of its size). */
export async function writeExport(row: ExportRow, settings: ExportSettings): Promise<WrittenExport> {
  if (row.cycleId === null) throw new Error(`export ${row.id} belongs to no cycle`);
  const cycleId = row.cycleId;
  const directory = exportDirectory(row);
  const datasetName = `vstar_c${cycleId}`;
  const fileName =
    row.format === "VIDEO_LLAVA" ? "video_llava.json" : row.format === "LLAMA_FACTORY" ? `${datasetName}.json` : "generations.jsonl";
  const writer = await RecordFileWriter.open(path.join(directory, fileName), row.format === "JSONL" ? "jsonl" : "json-array");
  const item = row.format === "VIDEO_LLAVA" ? videoLlavaItem : row.format === "LLAMA_FACTORY" ? llamaFactoryItem : jsonlItem;
  const root = mediaRoot();
  let afterId = 0;
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
      const relativeVideoPath = example.mediaPath ?? example.sourcePath ?? `${example.videoKey}.mp4`;
      const context: ExampleContext = {
        cycleId,
        userPrompt: renderPrompt(settings.answerPrompt, { question: example.question }),
        relativeVideoPath,
        videoPath: clusterPath(path.join(root, relativeVideoPath), settings.clusterDataDir),
        labels: example.targets as Target[],
      };
      await writer.add(item(example, context));
    }
    if (page.length < PAGE) break;
    afterId = page[page.length - 1]!.generationId;
  }
  const { records, bytes } = await writer.close();
  let sizeBytes = bytes;
  if (row.format === "LLAMA_FACTORY") {
    const info = buildDatasetInfoJson([{ name: datasetName, fileName }]);
    await writeFile(path.join(directory, "dataset_info.json"), info);
    sizeBytes += Buffer.byteLength(info);
  }
  return { storagePath: path.relative(root, writer.file), directory, datasetName, rowCount: records, sizeBytes };
}
