import { z } from "zod";

/**
 * The request pieces route handlers share: row ids in paths and queries, and keyset pages.
 * Every table but better-auth's keys its rows by a PostgreSQL `integer` (`Int @id @default(autoincrement())`
 * in prisma/schema.prisma), so an id past its range can name no row and is refused as input,
 * before it reaches the database.
 */
export const MAX_ROW_ID = 2_147_483_647;

/** A row id as a path or query string carries it ("42"). */
export const rowId = z.coerce.number().int().positive().max(MAX_ROW_ID);

/** A row id in a JSON body (a number), bounded the same way. */
export const bodyRowId = z.int().positive().max(MAX_ROW_ID, "is not an id (too big)");

/**
 * Where a request value holds a NUL character (U+0000), as a path of keys; null when nowhere.
 * PostgreSQL stores no NUL in text or jsonb, so such input is refused before any query is made.
 */
export function nulCharacterAt(value: unknown, at: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? at : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulCharacterAt(item, [...at, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...at, key.replaceAll("\u0000", "\\0")];
      const found = nulCharacterAt(item, [...at, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The path's ids, by the names of its dynamic segments: `idParams("queueId", "itemId")`. */
export function idParams<const K extends string>(...names: K[]): z.ZodObject<{ [P in K]: typeof rowId }> {
  return z.object(Object.fromEntries(names.map((name) => [name, rowId]))) as z.ZodObject<{ [P in K]: typeof rowId }>;
}

/** `[id]` of a user: better-auth makes user ids, as strings. */
export const userIdParams = z.object({ id: z.string().min(1).max(255) });

const blankAsAbsent = (value: unknown) => (value === "" ? undefined : value);

/** An optional id filter in a query string; an empty value (an unset <select>) counts as absent. */
export const optionalRowId = z.preprocess(blankAsAbsent, rowId.optional());

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `?limit=`: how many rows a page holds. */
const pageLimit = z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE));

/**
 * `?cursor=&limit=` of a list in id order. The cursor is the previous page's `nextCursor` (the last
 * id it held); none asks for the first page.
 */
export const pageQuery = z.object({ cursor: optionalRowId, limit: pageLimit });

/**
 * `?cursor=&limit=` of a list sorted by more than its id: the cursor is a token the previous page
 * handed out (`nextCursor`), opaque to the client; the list decodes and checks it.
 */
export const tokenPageQuery = z.object({ cursor: z.preprocess(blankAsAbsent, z.string().max(1000).optional()), limit: pageLimit });
