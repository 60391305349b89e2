import type { EventEmitter } from "node:events";
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { FatalImportError } from "./errors";

export interface CsvRow {
  /** 1-based line number of the row (the header is line 1). */
  line: number;
  /** Values by column name. */
  values: Record<string, string>;
  /** Number of fields the row actually had. */
  fieldCount: number;
}

export interface CsvHeader {
  columns: string[];
}

/**
 * Streams a CSV file with a header row in batches of rows (constant memory; batching keeps the
 * per-row cost of async iteration off a 545k-row file). Calls `onHeader` with the trimmed column
 * names before the first row; it may throw a FatalImportError (e.g. a missing column). Malformed
 * CSV (an unclosed quote) and unreadable files become a FatalImportError.
 */
export async function* readCsvRowBatches(filePath: string, file: string, onHeader: (header: CsvHeader) => void): AsyncGenerator<CsvRow[]> {
  const source = createReadStream(filePath);
  // No `info: true`: its per-record snapshot doubled the parse time. Lines are counted here instead
  // (one per record, plus the newlines inside quoted fields; empty lines arrive as [""]).
  const parser = source.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  let failure: unknown = null;
  let ended = false;
  // pipe() does not forward a read error (a missing file): record it and stop the parser.
  source.on("error", (error) => {
    failure ??= error;
    parser.destroy();
  });
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("end", () => {
    ended = true;
  });
  let columns: string[] | null = null;
  let nextLine = 1;
  try {
    for (;;) {
      const batch: CsvRow[] = [];
      for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) {
        const line = nextLine;
        nextLine += 1 + embeddedNewlines(record);
        if (record.length === 1 && record[0] === "") continue;
        if (columns === null) {
          columns = record.map((name) => name.trim());
          onHeader({ columns });
          continue;
        }
        batch.push(toRow(record, line, columns));
      }
      if (failure !== null) throw failure;
      if (batch.length > 0) yield batch;
      else if (ended || parser.destroyed) break;
      else await nextEvent(parser, ["readable", "end", "close", "error"]);
    }
    if (failure !== null) throw failure;
  } catch (error) {
    if (error instanceof FatalImportError) throw error;
    throw new FatalImportError(describeReadError(error, file));
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (columns === null) throw new FatalImportError({ file, line: 1, reason: "the file is empty (no header row)" });
}

function toRow(record: string[], line: number, columns: string[]): CsvRow {
  const values: Record<string, string> = {};
  for (let index = 0; index < columns.length; index += 1) {
    values[columns[index] ?? ""] = record[index] ?? "";
  }
  return { line, values, fieldCount: record.length };
}

function embeddedNewlines(record: string[]): number {
  let count = 0;
  for (const field of record) {
    if (!field.includes("\n")) continue;
    for (const char of field) if (char === "\n") count += 1;
  }
  return count;
}

function describeReadError(error: unknown, file: string): { file: string; line?: number; reason: string } {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
    return { file, reason: `cannot read the file (${String(code)})` };
  }
  const lines = (error as { lines?: unknown }).lines;
  const message = error instanceof Error ? error.message : String(error);
  return typeof lines === "number"
    ? { file, line: lines, reason: `malformed CSV: ${message}` }
    : { file, reason: `malformed CSV: ${message}` };
}

/** Resolves on the first of `names` (never rejects: errors are picked up through `failure`). */
function nextEvent(emitter: EventEmitter, names: string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const name of names) emitter.off(name, done);
      resolve();
    };
    for (const name of names) emitter.on(name, done);
  });
}
