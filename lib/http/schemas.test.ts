import { describe, expect, test } from "vitest";
import {
  bodyRowId,
  DEFAULT_PAGE_SIZE,
  idParams,
  MAX_PAGE_SIZE,
  MAX_ROW_ID,
  nulCharacterAt,
  optionalRowId,
  pageQuery,
  tokenPageQuery,
  userIdParams,
} from "./schemas";

describe("id params", () => {
  const params = idParams("queueId", "itemId");

  test("path strings become the integer ids, by the segments' names", () => {
    expect(params.parse({ queueId: "3", itemId: "2147483647" })).toEqual({ queueId: 3, itemId: MAX_ROW_ID });
  });

  test.each([
    ["zero", "0"],
    ["a negative id", "-1"],
    ["a fraction", "1.5"],
    ["a word", "abc"],
    ["an empty segment", ""],
    ["past PostgreSQL's integer", "2147483648"],
    ["a huge number", "99999999999999999999"],
  ])("%s is refused", (_name, value) => {
    expect(params.safeParse({ queueId: value, itemId: "1" }).success).toBe(false);
  });

  test("a missing segment is refused, naming it", () => {
    const result = params.safeParse({ queueId: "1" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["itemId"]);
  });

  test("user ids are better-auth's strings, not integers", () => {
    expect(userIdParams.parse({ id: "Xb12yZ" })).toEqual({ id: "Xb12yZ" });
    expect(userIdParams.safeParse({ id: "" }).success).toBe(false);
    expect(userIdParams.safeParse({ id: "x".repeat(256) }).success).toBe(false);
  });

  test("an optional id filter treats an empty value as absent, and refuses a bad one", () => {
    expect(optionalRowId.parse("")).toBeUndefined();
    expect(optionalRowId.parse(undefined)).toBeUndefined();
    expect(optionalRowId.parse("7")).toBe(7);
    expect(optionalRowId.safeParse("seven").success).toBe(false);
  });
});

describe("pages", () => {
  test("one default and one maximum page size", () => {
    expect(DEFAULT_PAGE_SIZE).toBe(50);
    expect(MAX_PAGE_SIZE).toBe(200);
    expect(pageQuery.parse({})).toEqual({ cursor: undefined, limit: DEFAULT_PAGE_SIZE });
    expect(pageQuery.parse({ limit: "" })).toEqual({ cursor: undefined, limit: DEFAULT_PAGE_SIZE });
    expect(pageQuery.parse({ limit: String(MAX_PAGE_SIZE) }).limit).toBe(MAX_PAGE_SIZE);
    expect(tokenPageQuery.parse({}).limit).toBe(DEFAULT_PAGE_SIZE);
  });

  test.each(["0", "-5", String(MAX_PAGE_SIZE + 1), "2.5", "all"])("limit=%s is refused", (limit) => {
    expect(pageQuery.safeParse({ limit }).success).toBe(false);
    expect(tokenPageQuery.safeParse({ limit }).success).toBe(false);
  });

  test("an id-ordered list's cursor is the last id of the previous page", () => {
    expect(pageQuery.parse({ cursor: "120", limit: "20" })).toEqual({ cursor: 120, limit: 20 });
    expect(pageQuery.parse({ cursor: "" }).cursor).toBeUndefined();
    expect(pageQuery.safeParse({ cursor: "0" }).success).toBe(false);
    expect(pageQuery.safeParse({ cursor: "eyJ4IjoxfQ" }).success).toBe(false);
  });

  test("a token cursor is passed on as it is, within a bound", () => {
    expect(tokenPageQuery.parse({ cursor: "WzEyLCJhIl0" })).toEqual({ cursor: "WzEyLCJhIl0", limit: DEFAULT_PAGE_SIZE });
    expect(tokenPageQuery.parse({ cursor: "" }).cursor).toBeUndefined();
    expect(tokenPageQuery.safeParse({ cursor: "x".repeat(1001) }).success).toBe(false);
  });
});

describe("ids in JSON bodies", () => {
  test.each([1, MAX_ROW_ID])("%d is an id", (value) => {
    expect(bodyRowId.parse(value)).toBe(value);
  });
  test.each([0, -1, 1.5, MAX_ROW_ID + 1, 99_999_999_999, "7"])("%s is refused", (value) => {
    expect(bodyRowId.safeParse(value).success).toBe(false);
  });
});

describe("NUL characters", () => {
  test.each<[unknown, (string | number)[] | null]>([
    ["plain", null],
    ["a\u0000b", []],
    [{ q: "apple\u0000" }, ["q"]],
    [{ gold: [{ note: "ok" }, { note: "x\u0000" }] }, ["gold", 1, "note"]],
    [{ "key\u0000": 1 }, ["key\\0"]],
    [{ n: 1, b: true, none: null }, null],
  ])("%j: found at %j", (value, at) => {
    expect(nulCharacterAt(value)).toEqual(at);
  });
});
