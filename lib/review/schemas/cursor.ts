import type { z } from "zod";
import { invalidInput } from "@/lib/errors/domain-error";

/** A keyset page: the rows and the cursor of the next page (null at the end). */
export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url of the sort key values. */
function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.infer<T> | null {
  if (cursor === undefined || cursor === "") return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the error below
  }
  throw invalidInput("The cursor is not one this list handed out");
}

/** Splits a limit+1 fetch into a page and its next cursor. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => readonly (string | number)[]): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { rows: pageRows, nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
