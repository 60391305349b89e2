import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { inTransaction } from "@/lib/db/transaction";
import { invalidInput } from "@/lib/errors/domain-error";
import { importOptionsSchema, withCompanionFiles, type ImportOptionsInput } from "./import-options";
import { createImportRow } from "./import-repository";
import { importFileName } from "./paths";

/**
 * Records a requested import (DatasetImport, QUEUED) after checking its options and that its file
 * is readable (an invalid-input DomainError says what is not); companion files found beside it
 * (class names, split lists) are added. Running it is `runImport`'s job, through the import queue
 * or directly (CLI, demo). Audited as `dataset.import`.
 */
export async function requestImport(input: ImportOptionsInput, actor: Actor) {
  const parsed = importOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw invalidInput(parsed.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`).join("; "));
  }
  const options = withCompanionFiles(parsed.data);
  const info = await stat(options.file).catch(() => null);
  const name = importFileName(options.file);
  if (info?.isDirectory() === true) throw invalidInput(`${name} is a folder without an annotation file to import`);
  if (info === null || !info.isFile()) throw invalidInput(`${name} is not a readable file`);
  const sourceSha256 = await sha256OfFile(options.file);
  return inTransaction(async (tx) => {
    const row = await createImportRow({ options, sourceSha256, createdById: actor.userId }, tx);
    await recordAudit(tx, actor, {
      action: "dataset.import",
      targetId: row.id,
      details: { datasetName: options.datasetName, format: options.format, file: options.displayName ?? name },
    });
    return row;
  });
}

async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
