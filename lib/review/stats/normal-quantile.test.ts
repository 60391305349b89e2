import { expect, test } from "vitest";
import { errorFunction } from "simple-statistics";
import { normalQuantile } from "./normal-quantile";

// Standard normal quantiles as tabulated (e.g. Abramowitz & Stegun, table 26.5).
test.each([
  { p: 0.975, z: 1.959963985 },
  { p: 0.995, z: 2.575829304 },
  { p: 0.9, z: 1.281551566 },
  { p: 0.5, z: 0 },
  { p: 0.001, z: -3.090232306 },
])("normalQuantile($p) = $z", ({ p, z }) => {
  expect(normalQuantile(p)).toBeCloseTo(z, 8);
});

test("inverts the normal CDF across the range", () => {
  for (const z of [-3.5, -2, -0.3, 0.7, 2.2, 3.1]) {
    expect(normalQuantile(0.5 * (1 + errorFunction(z / Math.SQRT2)))).toBeCloseTo(z, 5);
  }
});

test("refuses probabilities outside (0, 1)", () => {
  expect(() => normalQuantile(1)).toThrow(RangeError);
});
