import { FatalImportError, type ImportErrorCollector } from "./errors";
import { TemplateError } from "./templates/render";
import type { ImportedItem } from "./types";

/**
 * Passes an importer's batches through, turning a fatal problem (unreadable file, missing column,
 * bad template) into one collected error and the end of the stream. Record-level problems are
 * collected by the importer itself while it keeps going. Importers work in batches so that a
 * 545k-row file pays the cost of async iteration once per batch, not once per item.
 */
export async function* guardBatches(
  errors: ImportErrorCollector,
  file: string,
  batches: AsyncGenerator<ImportedItem[]>,
): AsyncGenerator<ImportedItem[]> {
  try {
    yield* batches;
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

/** The items of a stream of batches, one at a time. */
export async function* eachItem(batches: AsyncIterable<readonly ImportedItem[]>): AsyncGenerator<ImportedItem> {
  for await (const batch of batches) yield* batch;
}
