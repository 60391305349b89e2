import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { importOptionsSchema, withCompanionFiles, type ImportOptionsInput } from "./import-options";
import { createImportRow } from "./import-repository";

export class ImportRequestError extends Error {}

/**
 * Records a requested import (DatasetImport, QUEUED) after checking its options and that its file
 * is readable; companion files found beside it (class names, split lists) are added. Running it is
 * `runImport`'s job, through the import queue or directly (CLI, demo).
 */
export async function requestImport(input: ImportOptionsInput, requestedBy: { userId: string | null }) {
  const parsed = importOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ImportRequestError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`).join("; "));
  }
  const options = withCompanionFiles(parsed.data);
  const info = await stat(options.file).catch(() => null);
  if (info?.isDirectory() === true) throw new ImportRequestError(`${options.file} is a folder without an annotation file to import`);
  if (info === null || !info.isFile()) throw new ImportRequestError(`${options.file} is not a readable file`);
  return createImportRow({ options, sourceSha256: await sha256OfFile(options.file), createdById: requestedBy.userId });
}

export async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
