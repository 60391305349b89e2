import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { readCsvRowBatches } from "../csv-rows";
import { FatalImportError } from "../errors";

export interface GenericRow {
  line: number;
  /** The value of a column; undefined when the row has none. */
  get(column: string): unknown;
  /** Set when the line could not be read as a row (reported in line order by the importer). */
  problem?: string;
}

/** CSV rows; a mapped column missing from the header is fatal (named with the file). */
export async function* csvRows(filePath: string, file: string, columns: string[]): AsyncGenerator<GenericRow[]> {
  const batches = readCsvRowBatches(filePath, file, (header) => {
    const missing = columns.filter((name) => !header.columns.includes(name));
    if (missing.length > 0) {
      throw new FatalImportError({
        file,
        line: 1,
        field: missing.join(", "),
        reason: `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}`,
      });
    }
  });
  for await (const batch of batches) {
    yield batch.map((row) => ({ line: row.line, get: (name: string) => row.values[name] }));
  }
}

/** JSON Lines: one object per line; blank lines are skipped, a line that is not an object is an error. */
export async function* jsonlRows(filePath: string, file: string, batchSize = 500): AsyncGenerator<GenericRow[]> {
  const source = createReadStream(filePath, { encoding: "utf8" });
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let line = 0;
  let batch: GenericRow[] = [];
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() === "") continue;
      const value = parseJsonLine(text);
      if (value === undefined || typeof value !== "object" || value === null || Array.isArray(value)) {
        batch.push({ line, get: () => undefined, problem: value === undefined ? "not valid JSON" : "expected a JSON object" });
      } else {
        batch.push({ line, get: (name: string) => lookup(value as Record<string, unknown>, name) });
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FatalImportError({
      file,
      reason: code ? `cannot read the file (${code})` : `cannot read the file: ${(error as Error).message}`,
    });
  } finally {
    lines.close();
    source.destroy();
  }
  if (batch.length > 0) yield batch;
}

function parseJsonLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An exact key first, else a dotted path into nested objects. */
function lookup(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  let current: unknown = object;
  for (const part of name.split(".")) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
