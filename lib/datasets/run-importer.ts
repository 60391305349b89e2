import { FatalImportError, type ImportErrorCollector } from "./errors";
import { TemplateError } from "./templates/render";
import type { ImportedItem } from "./types";

/**
 * Flattens an importer's batches into the item stream, turning a fatal problem (unreadable file,
 * missing column, bad template) into one collected error and the end of the stream.
 * Record-level problems are collected by the importer itself while it keeps going.
 * Importers work in batches internally so that a 545k-row file pays the cost of async
 * iteration once per batch, and only this generator yields per item.
 */
export async function* flattenBatches(
  errors: ImportErrorCollector,
  file: string,
  batches: AsyncGenerator<ImportedItem[]>,
): AsyncGenerator<ImportedItem> {
  try {
    for await (const batch of batches) {
      for (const item of batch) yield item;
    }
  } catch (error) {
    if (error instanceof FatalImportError) {
      errors.add(error.detail);
      return;
    }
    if (error instanceof TemplateError) {
      errors.add({ file, field: "templates", reason: error.message });
      return;
    }
    throw error;
  }
}
