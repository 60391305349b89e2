import { describe, expect, it } from "vitest";
import { checkRationaleArithmetic } from "./arithmetic-check";

function onlyFlag(text: string) {
  const { flags } = checkRationaleArithmetic(text);
  expect(flags).toHaveLength(1);
  const flag = flags[0];
  if (!flag) throw new Error("no flag");
  return flag;
}

describe("checkRationaleArithmetic — worked examples", () => {
  it("finds nothing wrong in a correct rationale, yet checks each claim", () => {
    const text =
      "The judges scored 7.5, 8.0, 8.0, 7.5, 8.5, 8.0, 7.0. Dropping the two highest and two lowest leaves " +
      "8.0, 8.0 and 7.5, which sum to 23.5. With a degree of difficulty of 3.2, 23.5 × 3.2 = 75.2, " +
      "so the final score is 75.20.";
    const report = checkRationaleArithmetic(text);
    expect(report.flags).toEqual([]);
    expect(report.checks.map((c) => c.kind)).toEqual(["sum", "product", "judge-rule"]);
    expect(report.checks.every((c) => c.ok)).toBe(true);
  });

  it("flags the paper's wrong average: the average of 2.5, 3.4, 3.4, 3.4 is not 3.4", () => {
    const text = "Each element is rated. The average of 2.5, 3.4, 3.4, 3.4 is 3.4, a demanding dive.";
    const flag = onlyFlag(text);
    expect(flag.kind).toBe("average");
    expect(flag.claimed).toBe(3.4);
    expect(flag.recomputed).toBeCloseTo((2.5 + 3.4 + 3.4 + 3.4) / 4, 12); // 3.175
    expect(flag.recomputedAtClaimPrecision).toBe("3.2");
    expect(flag.rule).toContain("mean of 4 values");
    expect(flag.sentence.text).toBe("The average of 2.5, 3.4, 3.4, 3.4 is 3.4, a demanding dive.");
    expect(text.slice(flag.sentence.span.start, flag.sentence.span.end)).toBe(flag.sentence.text);
    expect(text.slice(flag.claim.span.start, flag.claim.span.end)).toBe("3.4");
    expect(flag.claim.span.start).toBe(text.indexOf("is 3.4") + 3);
  });

  it("checks an average of values listed earlier (labelled list), as models write it", () => {
    const wrong = "Forward: 2.5, 3.5 Soms.Pike: 3.4, 1.5 Twists: 3.4, Entry: 3.4. By averaging these, the overall difficulty is 3.4.";
    const flag = onlyFlag(wrong);
    expect(flag.operands).toEqual([2.5, 3.4, 3.4, 3.4]);
    expect(flag.recomputedAtClaimPrecision).toBe("3.2");

    const right =
      "In this case, the difficulty of each action is as follows: Inward: 3.5, 3.5 Soms.Tuck: 3.2, Entry: 3.0… " +
      "In this case, the average difficulty score is 3.2.";
    const report = checkRationaleArithmetic(right);
    expect(report.flags).toEqual([]);
    expect(report.checks[0]?.operands).toEqual([3.5, 3.2, 3.0]); // mean 3.2333… → 3.2
  });

  it("flags a wrong written product and accepts the right one", () => {
    expect(checkRationaleArithmetic("The score is 3.2 × 25.5 = 81.6 points.").flags).toEqual([]);
    const flag = onlyFlag("The score is 3.2 × 25.5 = 80.6 points.");
    expect(flag.kind).toBe("product");
    expect(flag.recomputed).toBeCloseTo(81.6, 12);
    expect(flag.statement.text).toBe("3.2 × 25.5 = 80.6");
  });

  it("reads products and sums in words, and mixed written expressions", () => {
    expect(onlyFlag("Multiplying the execution score of 23.5 by the difficulty of 3.2 gives 76.2.").recomputed).toBeCloseTo(75.2);
    expect(onlyFlag("The sum of 8.0, 8.5 and 8.0 is 24.0.").recomputedAtClaimPrecision).toBe("24.5");
    expect(checkRationaleArithmetic("Then (8.0 + 8.5 + 8.0) x 3.2 = 78.4 and 78.4 / 3.2 = 24.5.").flags).toEqual([]);
    expect(onlyFlag("So (8.0 + 8.5 + 8.0) x 3.2 = 80.4.").kind).toBe("expression");
  });

  it("flags a final score that ignores the 7-judge rule (all seven summed)", () => {
    // 7 judges: sorted 7.0 7.5 7.5 8.0 8.0 8.0 8.5 → keep 7.5, 8.0, 8.0 → 23.5 × 3.2 = 75.2
    const text =
      "The judges scored 7.5, 8.0, 8.0, 7.5, 8.5, 8.0, 7.0 and the difficulty is 3.2. " +
      "Adding all seven gives 54.5, so the final score is 174.4.";
    const flag = onlyFlag(text);
    expect(flag.kind).toBe("judge-rule");
    expect(flag.claimed).toBe(174.4);
    expect(flag.recomputedAtClaimPrecision).toBe("75.2");
    expect(flag.rule).toContain("drop the 2 highest and 2 lowest");
    expect(flag.sentence.text).toBe("Adding all seven gives 54.5, so the final score is 174.4.");
  });

  it("flags a synchronised (5-score) final score missing the × 0.6", () => {
    // 8.0 + 8.5 + 8.0 + 8.5 + 8.0 = 41.0; 41.0 × 3.0 × 0.6 = 73.8
    const base = "The judges' scores were 8.0, 8.5, 8.0, 8.5, 8.0 with a DD of 3.0.";
    expect(checkRationaleArithmetic(`${base} The final score is 73.80.`).flags).toEqual([]);
    const flag = onlyFlag(`${base} The final score is 123.00.`);
    expect(flag.recomputedAtClaimPrecision).toBe("73.80");
    expect(flag.rule).toContain("× 0.6");
  });

  it("flags a 3-score final score that wrongly applies × 0.6", () => {
    // 8.0 + 8.5 + 9.0 = 25.5; 25.5 × 3.2 = 81.6 (× 0.6 would be 48.96)
    const base = "Execution scores of 8.0, 8.5 and 9.0, difficulty 3.2.";
    expect(checkRationaleArithmetic(`${base} Total score: 81.6.`).flags).toEqual([]);
    const flag = onlyFlag(`${base} Total score: 48.96.`);
    expect(flag.recomputedAtClaimPrecision).toBe("81.60");
    expect(flag.rule).toContain("3 scores");
  });

  it("compares at the stated precision, rounding half up", () => {
    // mean(3.17, 3.18) = 3.175 exactly: half up gives 3.18 (binary floating point would give 3.17)
    expect(checkRationaleArithmetic("The average of 3.17 and 3.18 is 3.18.").flags).toEqual([]);
    expect(onlyFlag("The average of 3.17 and 3.18 is 3.17.").recomputedAtClaimPrecision).toBe("3.18");
    // mean(3.5, 3.2, 3.0) = 3.2333…: "3.2" and "3.23" agree, "3.24" does not, "3" agrees at 0 decimals
    expect(checkRationaleArithmetic("The mean of 3.5, 3.2 and 3.0 is 3.2.").flags).toEqual([]);
    expect(checkRationaleArithmetic("The mean of 3.5, 3.2 and 3.0 is 3.23.").flags).toEqual([]);
    expect(checkRationaleArithmetic("The mean of 3.5, 3.2 and 3.0 is 3.").flags).toEqual([]);
    expect(onlyFlag("The mean of 3.5, 3.2 and 3.0 is 3.24.").decimals).toBe(2);
  });

  it("allows a hedged claim one unit of its last digit", () => {
    expect(checkRationaleArithmetic("3.2 × 25.5 is 81.6, and the product of 3.2 and 25.5 is about 82.").flags).toEqual([]);
    const flag = onlyFlag("The product of 3.2 and 25.5 is about 80.");
    expect(flag.hedged).toBe(true);
  });

  it("leaves an unanchored 'average' alone when its number is plainly another quantity (paper Table 2)", () => {
    const text =
      "First, we identify the diver's action sequence: inward somersault ··· entry into the water. Evaluating each " +
      "movement's difficulty, we assign ··· inward somersault: 2.5, 3.5 Soms.Tuck: 3.5, entry: 3.0. By averaging " +
      "these scores ··· the overall score is 63.0 out of 100.";
    expect(checkRationaleArithmetic(text).checks).toEqual([]);
  });

  it("checks a synchronised panel introduced as '5 scores'", () => {
    const text = "This synchronised dive (5 scores: 8.0, 8.5, 8.5, 8.0, 8.5; DD 3.4) gives 41.5 × 3.4 × 0.6 = 84.66 points.";
    const report = checkRationaleArithmetic(text);
    expect(report.flags).toEqual([]);
    expect(report.checks.map((c) => c.kind)).toEqual(["product", "judge-rule"]);
  });

  it("finds no claims in text without arithmetic", () => {
    const report = checkRationaleArithmetic("The diver performs a clean inward dive with a vertical entry.");
    expect(report.checks).toEqual([]);
  });
});
