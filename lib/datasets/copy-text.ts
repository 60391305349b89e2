/**
 * PostgreSQL's COPY text format: one line per row, fields separated by tabs, `\N` for NULL, and
 * backslash, newline, carriage return and tab escaped. What `copy-rows.ts` sends to the staging tables.
 */

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export const COPY_NULL = "\\N";

/** A text field (never NULL). */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (char) => ESCAPES[char] ?? char) : value;
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
  return json.includes("\\") ? json.replaceAll("\\", "\\\\") : json;
}
