import { randomUUID } from "node:crypto";
import { access, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { zipFiles } from "./zip-files";

/**
 * A LLaMA-Factory export as one zip: a folder named after the dataset holding dataset_info.json
 * beside the data file (so the unpacked folder is a dataset_dir as it is) and a README. Written
 * under a temporary name and renamed, so a reader never sees half an archive. With removeLoose the
 * loose files go once archived (a download keeps only the zip). `extraFiles` names further files of
 * the directory to archive beside them (a preference export's manifest.json).
 */
export async function archiveLlamaFactory(
  directory: string,
  fileName: string,
  readmeText: string,
  { removeLoose = false, extraFiles = [] }: { removeLoose?: boolean; extraFiles?: readonly string[] } = {},
): Promise<{ file: string; bytes: number }> {
  const datasetName = fileName.replace(/\.jsonl?$/, "");
  const readmePath = path.join(directory, "README.md");
  await writeFile(readmePath, readmeText);
  const loose = [fileName, "dataset_info.json", "README.md", ...extraFiles];
  const file = path.join(directory, `${datasetName}.zip`);
  const partial = `${file}.${randomUUID()}.partial`;
  const bytes = await zipFiles(
    partial,
    loose.map((name) => ({ name: `${datasetName}/${name}`, path: path.join(directory, name) })),
  );
  await rename(partial, file);
  if (removeLoose) await Promise.all(loose.map((name) => rm(path.join(directory, name), { force: true })));
  return { file, bytes };
}

/**
 * The file a finished export downloads as: its stored file, except a LLaMA-Factory data file,
 * which goes out in its zip (LLaMA-Factory reads dataset_info.json beside the data). Null when
 * the stored file is gone.
 */
export async function downloadFileOf(format: string, stored: string): Promise<string | null> {
  if (format !== "LLAMA_FACTORY" || !/\.jsonl?$/.test(stored)) return stored;
  const found = await stat(stored).catch(() => null);
  return found?.isFile() ? archiveOfStoredExport(stored) : null;
}

/**
 * The zip of a LLaMA-Factory export stored as its data file (a cycle's training set, or a download
 * made before downloads were archived), made on first request and kept beside it.
 */
async function archiveOfStoredExport(dataFile: string): Promise<string> {
  const directory = path.dirname(dataFile);
  const fileName = path.basename(dataFile);
  const datasetName = fileName.replace(/\.jsonl?$/, "");
  const file = path.join(directory, `${datasetName}.zip`);
  if (await exists(file)) return file;
  const readme = [
    `# ${datasetName}: Video-STaR training data for LLaMA-Factory`,
    "",
    `${fileName}, in LLaMA-Factory's sharegpt format (role/content messages, a videos column), registered in`,
    "dataset_info.json. Its video paths are absolute, as the training cluster sees this server's data folder.",
    "",
    `In the training YAML: \`dataset_dir: <this folder>\` and \`dataset: ${datasetName}\`.`,
    "",
  ].join("\n");
  return (await archiveLlamaFactory(directory, fileName, readme)).file;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
