import { describe, expect, test } from "vitest";
import { krippendorffAlphaNominal } from "./krippendorff-alpha";

/** Rater rows (null = missing) into per-unit value lists. */
function unitsFromRows(rows: (number | null)[][]): number[][] {
  const width = Math.max(...rows.map((row) => row.length));
  return Array.from({ length: width }, (_, unit) =>
    rows.map((row) => row[unit] ?? null).filter((value): value is number => value !== null),
  );
}

describe("krippendorffAlphaNominal", () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  // Communication, University of Pennsylvania. Example C: nominal data, four observers, twelve
  // units, missing values → α = 0.743.
  test("Krippendorff (2011) example C: four observers with missing data give α = 0.743", () => {
    const _ = null;
    const rows = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const result = krippendorffAlphaNominal(unitsFromRows(rows));
    // Unit 12 has a single value: not pairable. 40 pairable values in 11 units.
    expect(result.units).toBe(11);
    expect(result.pairableValues).toBe(40);
    expect(result.alpha).toBeCloseTo(0.743, 3);
  });

  // Same source, example A: binary data, two observers, ten units, no missing data → α = 0.095.
  test("Krippendorff (2011) example A: two observers on binary data give α = 0.095", () => {
    const rows = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    const result = krippendorffAlphaNominal(unitsFromRows(rows));
    expect(result.pairableValues).toBe(20);
    expect(result.alpha).toBeCloseTo(0.095, 3);
  });

  test("is 1 for perfect agreement and does not depend on the order of a unit's values", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["b", "b", "b"],
        ["c", "c"],
      ]).alpha,
    ).toBeCloseTo(1, 12);
    const units = [
      ["a", "b", "a"],
      ["b", "b"],
      ["a", "c"],
      ["c", "c", "c"],
    ];
    const reversed = units.map((values) => [...values].reverse());
    expect(krippendorffAlphaNominal(reversed).alpha).toBeCloseTo(krippendorffAlphaNominal(units).alpha!, 12);
  });

  test("is undefined when nothing is pairable or every value is the same", () => {
    expect(krippendorffAlphaNominal([["a"], ["b"]]).alpha).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "a", "a"],
      ]).alpha,
    ).toBeNull();
  });
});
