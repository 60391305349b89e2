import type { ImportErrorCollector } from "../errors";
import { parseNumberText } from "../fields";
import type { GenericRow } from "./rows";

/**
 * Typed access to one row's columns. Each failed read records an error naming the line and
 * column and returns null; `failed` tells whether any read of this row failed.
 */
export class RowReader {
  failed = false;

  constructor(
    private readonly row: GenericRow,
    private readonly file: string,
    private readonly errors: ImportErrorCollector,
  ) {}

  get line(): number {
    return this.row.line;
  }

  fail(field: string, reason: string): null {
    this.failed = true;
    this.errors.add({ file: this.file, line: this.row.line, field, reason });
    return null;
  }

  /** A non-empty string (numbers are turned into text). */
  text(column: string): string | null {
    const value = this.row.get(column);
    if (value === undefined || value === null) return this.fail(column, "missing value");
    const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : null;
    if (text === null) return this.fail(column, `expected text, found ${JSON.stringify(value)}`);
    if (text === "") return this.fail(column, "empty value");
    return text;
  }

  /** Like text, but an absent or empty value is null without an error. */
  optionalText(column: string): string | null {
    const value = this.row.get(column);
    if (value === undefined || value === null || value === "") return null;
    return this.text(column);
  }

  number(column: string): number | null {
    const value = this.row.get(column);
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string") {
      const number = parseNumberText(value);
      if (number !== null) return number;
    }
    if (value === undefined || value === null || value === "") return this.fail(column, "missing value");
    return this.fail(column, `not a number: ${JSON.stringify(value)}`);
  }

  boolean(column: string): boolean | null {
    const value = this.row.get(column);
    if (typeof value === "boolean") return value;
    const text = typeof value === "number" || typeof value === "string" ? String(value).trim().toLowerCase() : null;
    if (text === "true" || text === "yes" || text === "1") return true;
    if (text === "false" || text === "no" || text === "0") return false;
    return this.fail(column, `not a yes/no value: ${JSON.stringify(value ?? null)}`);
  }

  /** An array of strings: a JSON array (or an array in JSONL), or text split on `separator`. */
  list(column: string, separator: string): string[] | null {
    const value = this.row.get(column);
    const parsed = typeof value === "string" && value.trim().startsWith("[") ? safeJson(value) : value;
    const items = Array.isArray(parsed) ? parsed : typeof parsed === "string" ? parsed.split(separator) : null;
    if (items === null) return this.fail(column, "missing value");
    const texts = items.map((item) => (typeof item === "string" ? item.trim() : typeof item === "number" ? String(item) : null));
    if (texts.some((text) => text === null || text === "")) return this.fail(column, "every item must be non-empty text");
    if (texts.length === 0) return this.fail(column, "empty list");
    return texts as string[];
  }

  /** Four numbers in [0, 1] with x1 < x2 and y1 < y2, from one JSON-array column. */
  box(column: string): [number, number, number, number] | null {
    const value = this.row.get(column);
    const parsed = typeof value === "string" ? safeJson(value) : value;
    if (!Array.isArray(parsed) || parsed.length !== 4 || !parsed.every((n) => typeof n === "number" && Number.isFinite(n))) {
      return this.fail(column, `expected [x1, y1, x2, y2], found ${JSON.stringify(value ?? null)}`);
    }
    return this.checkedBox(column, parsed as [number, number, number, number]);
  }

  checkedBox(field: string, box: [number, number, number, number]): [number, number, number, number] | null {
    const [x1, y1, x2, y2] = box;
    if (!box.every((n) => n >= 0 && n <= 1)) return this.fail(field, "box corners must be normalised to [0, 1]");
    if (!(x1 < x2 && y1 < y2)) return this.fail(field, "box must have x1 < x2 and y1 < y2");
    return box;
  }

  /** Template variables: every column's value as text (for {placeholder} question texts). */
  templateValue(column: string): string | number | null {
    const value = this.row.get(column);
    if (typeof value === "number") return value;
    if (typeof value === "string" && value.trim() !== "") return value.trim();
    if (value === undefined || value === null || value === "") return this.fail(column, "missing value for the question text");
    return JSON.stringify(value);
  }

  raw(column: string): unknown {
    return this.row.get(column);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
