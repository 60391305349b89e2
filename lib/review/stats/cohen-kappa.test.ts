import { describe, expect, test } from "vitest";
import { cohenKappa, cohenKappaFromTable } from "./cohen-kappa";

describe("cohenKappa", () => {
  // Wikipedia, "Cohen's kappa", simple example: 50 grant proposals read by two readers,
  // both yes 20, A yes B no 5, A no B yes 10, both no 15 → p_o = 0.7, p_e = 0.5, κ = 0.4.
  test("the 50 proposals example gives κ = 0.4", () => {
    const result = cohenKappaFromTable([
      [20, 5],
      [10, 15],
    ]);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result.n).toBe(50);
  });

  // Same article, "Same percentages but different numbers": both tables have p_o = 0.6, yet
  // κ = 0.1304 and κ = 0.2593 because their marginals differ.
  test.each([
    {
      table: [
        [45, 15],
        [25, 15],
      ],
      kappa: 0.1304,
    },
    {
      table: [
        [25, 35],
        [5, 35],
      ],
      kappa: 0.2593,
    },
  ])("equal agreement, different marginals: κ = $kappa", ({ table, kappa }) => {
    const result = cohenKappaFromTable(table);
    expect(result.observed).toBeCloseTo(0.6, 12);
    expect(result.kappa).toBeCloseTo(kappa, 4);
  });

  test("takes labels of any type and is 1 for perfect agreement on several categories", () => {
    const pairs = (["CORRECT", "HALLUCINATED", "UNSURE", "CORRECT"] as const).map((v) => [v, v] as const);
    expect(cohenKappa(pairs).kappa).toBe(1);
  });

  test("is negative when raters disagree more than chance", () => {
    expect(
      cohenKappa([
        ["a", "b"],
        ["b", "a"],
        ["a", "b"],
        ["b", "a"],
      ]).kappa,
    ).toBeCloseTo(-1, 12);
  });

  test("is undefined without units or when both raters only ever use one category", () => {
    expect(cohenKappa([]).kappa).toBeNull();
    expect(
      cohenKappa([
        ["a", "a"],
        ["a", "a"],
      ]).kappa,
    ).toBeNull();
  });
});
