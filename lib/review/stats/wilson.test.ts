import { describe, expect, test } from "vitest";
import { wilsonInterval } from "./wilson";

// Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison of
// seven methods. Statistics in Medicine 17, 857–872. Table I, method 3 (Wilson score, no
// continuity correction), for the paper's four example proportions.
const newcombe = [
  { count: 81, n: 263, low: 0.2553, high: 0.3662 },
  { count: 15, n: 148, low: 0.0624, high: 0.1605 },
  { count: 0, n: 20, low: 0, high: 0.1611 },
  { count: 1, n: 29, low: 0.0061, high: 0.1718 },
];

describe("wilsonInterval", () => {
  test.each(newcombe)("$count/$n matches Newcombe (1998) table I", ({ count, n, low, high }) => {
    const interval = wilsonInterval(count, n);
    expect(interval.rate).toBeCloseTo(count / n, 10);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  test("is symmetric: the interval of failures mirrors the interval of successes", () => {
    const successes = wilsonInterval(7, 30);
    const failures = wilsonInterval(23, 30);
    expect(successes.low).toBeCloseTo(1 - (failures.high ?? NaN), 12);
    expect(successes.high).toBeCloseTo(1 - (failures.low ?? NaN), 12);
  });

  test("a higher confidence widens the interval", () => {
    const narrow = wilsonInterval(12, 40, 0.8);
    const wide = wilsonInterval(12, 40, 0.99);
    expect(wide.low!).toBeLessThan(narrow.low!);
    expect(wide.high!).toBeGreaterThan(narrow.high!);
  });

  test("no trials gives no rate and no interval", () => {
    expect(wilsonInterval(0, 0)).toEqual({ count: 0, n: 0, rate: null, low: null, high: null });
  });

  test("refuses impossible counts", () => {
    expect(() => wilsonInterval(5, 4)).toThrow(/count <= n/);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(/confidence/);
  });
});
