import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { allocateEqually } from "./allocate";

describe("allocateEqually", () => {
  test("splits evenly when every stratum has enough", () => {
    const quotas = allocateEqually(
      [
        { key: "a", available: 100 },
        { key: "b", available: 100 },
        { key: "c", available: 100 },
      ],
      30,
    );
    expect([...quotas.values()]).toEqual([10, 10, 10]);
  });

  test("a small stratum gives all it has and the rest goes to the others", () => {
    const quotas = allocateEqually(
      [
        { key: "kinetics|ANSWER|passed", available: 5000 },
        { key: "diving|RATIONALIZATION|passed", available: 3 },
        { key: "star|ANSWER|failed", available: 5000 },
      ],
      100,
    );
    expect(quotas.get("diving|RATIONALIZATION|passed")).toBe(3);
    expect(quotas.get("kinetics|ANSWER|passed")! + quotas.get("star|ANSWER|failed")!).toBe(97);
    expect(Math.abs(quotas.get("kinetics|ANSWER|passed")! - quotas.get("star|ANSWER|failed")!)).toBeLessThanOrEqual(1);
  });

  test("takes everything when the sample is larger than the population", () => {
    const quotas = allocateEqually(
      [
        { key: "a", available: 4 },
        { key: "b", available: 2 },
      ],
      50,
    );
    expect(quotas.get("a")).toBe(4);
    expect(quotas.get("b")).toBe(2);
  });

  test("refuses a stratum listed twice", () => {
    expect(() =>
      allocateEqually(
        [
          { key: "a", available: 1 },
          { key: "a", available: 2 },
        ],
        2,
      ),
    ).toThrow(/listed twice/);
  });

  test("quotas never exceed availability, sum to min(size, total) and are as equal as the strata allow", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200), { minLength: 1, maxLength: 12 }), fc.nat(1500), (sizes, size) => {
        const strata = sizes.map((available, index) => ({ key: `s${index}`, available }));
        const quotas = allocateEqually(strata, size);
        const total = sizes.reduce((sum, value) => sum + value, 0);
        let sum = 0;
        for (const stratum of strata) {
          const quota = quotas.get(stratum.key) ?? -1;
          expect(quota).toBeGreaterThanOrEqual(0);
          expect(quota).toBeLessThanOrEqual(stratum.available);
          sum += quota;
        }
        expect(sum).toBe(Math.min(size, total));
        // As equal as possible: nobody gets more than one item over a stratum that could have given more.
        const quotaValues = [...quotas.values()];
        for (const stratum of strata) {
          const quota = quotas.get(stratum.key)!;
          if (quota < stratum.available) expect(Math.max(...quotaValues)).toBeLessThanOrEqual(quota + 1);
        }
      }),
    );
  });
});
