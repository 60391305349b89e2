import { describe, expect, it } from "vitest";
import { hashParts, hexIdFrom, mulberry32, rngFrom } from "./seeded-random";

describe("seeded randomness", () => {
  it("repeats exactly for the same parts and differs for others", () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(rngFrom(seed, "a")),
      );
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(hashParts("a", "b")).not.toBe(hashParts("ab"));
  });

  it("draws roughly uniform values in [0, 1)", () => {
    const rng = mulberry32(123);
    const values = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(values.filter((v) => v < 0.3).length / values.length).toBeCloseTo(0.3, 1);
  });

  it("makes hex ids of the requested length", () => {
    expect(hexIdFrom(24, 42, "x")).toMatch(/^[0-9a-f]{24}$/);
  });

  it("shuffles without losing items", () => {
    const items = [1, 2, 3, 4, 5, 6];
    expect(mulberry32(9).shuffle(items).sort()).toEqual(items);
  });
});
