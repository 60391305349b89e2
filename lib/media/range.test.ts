import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRange } from "./range";

describe("parseRange", () => {
  it("serves the whole resource without a usable header", () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange(null, 1000)).toBeNull();
    expect(parseRange("", 1000)).toBeNull();
    expect(parseRange("items=0-5", 1000)).toBeNull();
    expect(parseRange("bytes=abc", 1000)).toBeNull();
    expect(parseRange("bytes=-", 1000)).toBeNull();
    expect(parseRange("bytes=200-100", 1000)).toBeNull();
  });

  it("reads open, closed and suffix ranges", () => {
    expect(parseRange("bytes=0-", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange("bytes=100-199", 1000)).toEqual({ start: 100, end: 199 });
    expect(parseRange("bytes=-500", 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange("Bytes = 5-5", 1000)).toEqual({ start: 5, end: 5 });
  });

  it("clamps an end past the resource and a suffix longer than it", () => {
    expect(parseRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
  });

  it("is unsatisfiable when the range starts past the end", () => {
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=1000-1200", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=-0", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-", 0)).toBe("unsatisfiable");
    expect(parseRange("bytes=-10", 0)).toBe("unsatisfiable");
  });

  it("serves the first range of a multi-range request", () => {
    expect(parseRange("bytes=0-99, 200-299", 1000)).toEqual({ start: 0, end: 99 });
  });

  it("always returns a range inside the resource", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
        (size, start, end) => {
          const header = `bytes=${start ?? ""}-${end ?? ""}`;
          const range = parseRange(header, size);
          if (range === null || range === "unsatisfiable") return;
          expect(range.start).toBeGreaterThanOrEqual(0);
          expect(range.end).toBeLessThan(size);
          expect(range.start).toBeLessThanOrEqual(range.end);
        },
      ),
    );
  });
});
