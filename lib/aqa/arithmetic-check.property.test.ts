import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRationaleArithmetic } from "./arithmetic-check";

/**
 * Rationales generated from a correct computation must never be flagged. The computation here is done
 * independently of lib/aqa, in integers: judge marks in halves, difficulty in tenths, every derived value
 * as an exact ratio of integers rounded half up when written.
 */
const formatHalves = (halves: number) => (halves / 2).toFixed(1);
const formatTenths = (tenths: number) => (tenths / 10).toFixed(1);

/** numerator / denominator written with 1 or 2 decimals, rounded half up, in integer arithmetic. */
function formatRatio(numerator: number, denominator: number, decimals: 1 | 2): string {
  const scale = 10 ** decimals;
  const units = Math.floor((2 * numerator * scale + denominator) / (2 * denominator)); // floor(x·scale + ½)
  const whole = Math.floor(units / scale);
  return `${whole}.${String(units - whole * scale).padStart(decimals, "0")}`;
}

const panel = fc.constantFrom(7, 5, 3).chain((size) => fc.array(fc.integer({ min: 0, max: 20 }), { minLength: size, maxLength: size }));
const difficultyTenths = fc.integer({ min: 12, max: 41 });
const elementDifficulties = fc.array(fc.integer({ min: 10, max: 45 }), { minLength: 2, maxLength: 5 });
const phrasing = fc.record({
  judges: fc.constantFrom("The judges scored", "The judges' scores were", "Execution scores of"),
  difficulty: fc.constantFrom("the degree of difficulty is", "with a difficulty of", "DD"),
  average: fc.constantFrom("The average of", "The mean of"),
  final: fc.constantFrom("The final score is", "for a total score of", "so the overall score is"),
  multiply: fc.boolean(),
  decimals: fc.constantFrom<1 | 2>(1, 2),
});

type Phrasing = typeof phrasing extends fc.Arbitrary<infer T> ? T : never;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function rationale(marks: number[], dd: number, elements: number[], words: Phrasing) {
  const sorted = [...marks].sort((a, b) => a - b);
  const kept = marks.length === 7 ? sorted.slice(2, 5) : sorted;
  const keptHalves = sum(kept);
  // final = (keptHalves / 2) × (dd / 10) [× 6 / 10]
  const [finalNumerator, finalDenominator] = marks.length === 5 ? [keptHalves * dd * 6, 200] : [keptHalves * dd, 20];
  const final = (decimals: 1 | 2) => formatRatio(finalNumerator, finalDenominator, decimals);
  const elementList = elements.map(formatTenths).join(", ");
  const sentences = [
    `Rating each element, ${words.average.toLowerCase()} ${elementList} is ${formatRatio(sum(elements), 10 * elements.length, words.decimals)}.`,
    `${words.judges} ${marks.map(formatHalves).join(", ")}, and ${words.difficulty} ${formatTenths(dd)}.`,
    `The kept scores ${kept.map(formatHalves).join(", ")} sum to ${formatHalves(keptHalves)}.`,
    words.multiply && marks.length !== 5
      ? `Multiplying ${formatHalves(keptHalves)} by ${formatTenths(dd)} gives ${final(2)}.`
      : `${formatHalves(keptHalves)} × ${formatTenths(dd)}${marks.length === 5 ? " × 0.6" : ""} = ${final(2)}.`,
    `${words.final} ${final(words.decimals)}.`,
  ];
  return { text: sentences.join(" "), finalSentence: sentences.at(-1) ?? "" };
}

describe("checkRationaleArithmetic property", () => {
  it("never flags a rationale generated from a correct computation", () => {
    fc.assert(
      fc.property(panel, difficultyTenths, elementDifficulties, phrasing, (marks, dd, elements, words) => {
        const { text } = rationale(marks, dd, elements, words);
        const report = checkRationaleArithmetic(text);
        expect(report.flags, text).toEqual([]);
        // not vacuous: the average, the sum, the product and the judge rule were all checked
        expect(new Set(report.checks.map((c) => c.kind)), text).toEqual(new Set(["average", "sum", "product", "judge-rule"]));
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  it("flags the final score once it is moved by a unit of its last digit or more", () => {
    fc.assert(
      fc.property(
        panel,
        difficultyTenths,
        elementDifficulties,
        phrasing,
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (marks, dd, elements, words, units, up) => {
          const { text, finalSentence } = rationale(marks, dd, elements, words);
          const stated = /(\d+\.\d+)\.$/.exec(finalSentence)?.[1] ?? "";
          const step = 10 ** -words.decimals;
          const moved = Number(stated) + (up ? units : -units) * step;
          fc.pre(moved >= 0);
          const changed = text.slice(0, text.length - finalSentence.length) + finalSentence.replace(stated, moved.toFixed(words.decimals));
          const flags = checkRationaleArithmetic(changed).flags;
          expect(
            flags.map((f) => f.kind),
            changed,
          ).toEqual(["judge-rule"]);
        },
      ),
      { numRuns: 200, seed: 20240602 },
    );
  });
});
