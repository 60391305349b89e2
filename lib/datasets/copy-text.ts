/**
 * PostgreSQL's COPY text format: one line per row, fields separated by tabs, `\N` for NULL, and
 * backslash, newline, carriage return and tab escaped. What `copy-rows.ts` sends to the staging tables.
 */

const SPECIAL = /[\\\n\r\t\0]/;
const SPECIAL_ALL = /[\\\n\r\t\0]/g;
const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export const COPY_NULL = "\\N";

/** Text PostgreSQL cannot store: a NUL character (in text, or as \u0000 in jsonb). */
export class UnstorableTextError extends Error {
  constructor(readonly text: string) {
    super(`contains a NUL byte, which the database cannot store: "${text.replaceAll("\0", "\\0").slice(0, 80)}"`);
    this.name = "UnstorableTextError";
  }
}

/** A text field (never NULL). Throws UnstorableTextError for text with a NUL. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (char) => ESCAPES[char] ?? unstorable(value)) : value;
}

function unstorable(value: string): never {
  throw new UnstorableTextError(value);
}

/** A text field that may be NULL. */
export function copyNullableText(value: string | null): string {
  return value === null ? COPY_NULL : copyText(value);
}

/** A float8/int field that may be NULL ("NaN" and "Infinity" are valid float8 input too). */
export function copyNumber(value: number | null): string {
  return value === null ? COPY_NULL : String(value);
}

/**
 * A jsonb field: the value as JSON, escaped for COPY. JSON text never holds a raw newline, carriage
 * return or tab (it writes them as escapes), so only its backslashes need doubling.
 */
export function copyJson(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError(`cannot store ${String(value)} as JSON`);
  if (!json.includes("\\")) return json;
  if (json.includes("\\u0000") && ESCAPED_NUL.test(json)) throw new UnstorableTextError(json);
  return json.replaceAll("\\", "\\\\");
}

/** JSON's escape of a NUL: `\u0000` after an even number of backslashes (not an escaped backslash before "u0000"). */
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;
