import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OutputBytes } from "@/lib/verifier/cli/output-bytes";
import { toOutputVerdict } from "@/lib/verifier/cli/output-line";
import { ReleasedClassLines } from "@/lib/verifier/cli/released-class-lines";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import type { Target } from "@/lib/verifier/label-schemas";
import { verifySync } from "@/lib/verifier/verify";

const reference = resolveVerifierConfig("reference-code");

/** What the general path writes for a line JSON.parse reads (undefined when it would not give a class verdict). */
function expectedLine(line: string): string | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { id, labelType, label, answer, kind } = value;
  if (labelType !== "class" || typeof label !== "string" || typeof answer !== "string") return undefined;
  if (typeof id !== "string" && typeof id !== "number") return undefined;
  const target: Target = { labelType, label };
  const verdict = verifySync(target, answer, reference, typeof kind === "string" ? { questionKind: kind } : {});
  return `${JSON.stringify(toOutputVerdict(id, verdict))}\n`;
}

/** The fast path's line for `line` (placed amid other lines), or undefined when it leaves the line to the general path. */
function rendered(lines: ReleasedClassLines, line: string): string | undefined {
  const bytes = Buffer.from(`{"x":1}\n${line}\n{"y":2}`, "utf8");
  const start = 8;
  const out = new OutputBytes(16);
  out.text("before\n");
  lines.restart();
  const end = lines.render(bytes, start, bytes.length, out);
  if (end < 0) {
    expect(Buffer.from(out.take()).toString("utf8")).toBe("before\n");
    return undefined;
  }
  // The line ends at its (first) newline.
  expect(end).toBe(start + Buffer.byteLength(line.split("\n")[0] as string));
  return Buffer.from(out.take()).toString("utf8").slice("before\n".length);
}

const WORDS = [
  "apple",
  "apples",
  "pie",
  "eating",
  "the",
  "is",
  "Step",
  "clothing,",
  "3.5",
  "2.5",
  "Soms.Tuck",
  "don't",
  "x",
  "pear",
  "tai",
  "chi",
];
const text = (extra: string[]) =>
  fc.array(fc.constantFrom(...WORDS, ...extra, " ", " ", "  ", ".", "-", "\n", "\t"), { maxLength: 40 }).map((pieces) => pieces.join(""));
const line = fc
  .record(
    {
      id: fc.oneof(
        fc.nat(),
        fc.integer({ min: -5, max: 5 }),
        fc.double({ noNaN: true }),
        fc.string({ maxLength: 4 }),
        fc.constantFrom('q"1', "é", "a\\b"),
      ),
      labelType: fc.oneof(
        { arbitrary: fc.constant("class"), weight: 8 },
        { arbitrary: fc.constantFrom("caption", "float", "Class"), weight: 1 },
      ),
      label: fc.oneof(
        { arbitrary: text([]), weight: 6 },
        { arbitrary: text(["é", "\u2028"]), weight: 1 },
        { arbitrary: fc.constant(42), weight: 1 },
      ),
      answer: fc.oneof({ arbitrary: text([]), weight: 4 }, { arbitrary: text(["é", "😀", '"', "\\", "\u0001"]), weight: 1 }),
      kind: fc.constantFrom("star-object-at", "aqa-full", "star-qa", "star-between", "other", 7),
      note: fc.string({ maxLength: 3 }),
    },
    { requiredKeys: ["id", "labelType", "label", "answer"] },
  )
  .map(({ note, kind, ...value }) => ({
    ...value,
    ...(note !== undefined && note.length === 3 ? { note } : {}),
    ...(kind !== undefined && value.answer.length % 3 === 0 ? { kind } : {}),
  }));
/** JSON text with the keys in a random order and random white space between tokens. */
const jsonLine = fc
  .tuple(line, fc.array(fc.constantFrom("", "", " ", "\t", "\r", " \r "), { minLength: 40, maxLength: 40 }), fc.nat())
  .map(([value, spaces, seed]) => {
    const entries = Object.entries(value).sort((a, b) => ((a[0].length * 7919 + seed) % 13) - ((b[0].length * 7919 + seed) % 13));
    let k = 0;
    const space = () => spaces[k++ % spaces.length] as string;
    return `${space()}{${entries.map(([key, field]) => `${space()}${JSON.stringify(key)}${space()}:${space()}${JSON.stringify(field)}${space()}`).join(",")}}${space()}`;
  });

describe("ReleasedClassLines: reference-code class lines written from their bytes", () => {
  it("writes exactly the general path's line, or leaves the line to it", () => {
    const lines = new ReleasedClassLines(reference);
    let taken = 0;
    fc.assert(
      fc.property(jsonLine, (input) => {
        const fast = rendered(lines, input);
        if (fast === undefined) return;
        taken++;
        expect(fast).toBe(expectedLine(input));
      }),
      { numRuns: 3000 },
    );
    // Most generated lines are common ones; the fast path must be taking them.
    expect(taken).toBeGreaterThan(300);
  });

  it("takes nothing that JSON.parse refuses (corrupted lines)", () => {
    const lines = new ReleasedClassLines(reference);
    let taken = 0;
    const corrupt = fc.tuple(jsonLine, fc.nat(), fc.constantFrom("", "\u0001", "\t", "\\", '"', "\\x", "\\u00", "}", ",", "é", "\n"));
    fc.assert(
      fc.property(corrupt, ([input, at, inserted]) => {
        const position = at % (input.length + 1);
        const broken = `${input.slice(0, position)}${inserted}${input.slice(position + (inserted === "" ? 1 : 0))}`;
        const fast = rendered(lines, broken);
        if (fast === undefined) return;
        taken++;
        // An inserted newline makes two lines; the first is this line.
        expect(fast).toBe(expectedLine(broken.split("\n")[0] as string));
      }),
      { numRuns: 3000 },
    );
    // Some changes leave the line valid (inside a string, say), and it is taken.
    expect(taken).toBeGreaterThan(100);
  });

  it.each([
    ['{"id":1,"labelType":"class","label":"eating apple pie","answer":"He is eating an apple pie."}', true],
    ['{"id":"a","labelType":"class","label":"tai chi","answer":"Line one.\\nLine two: tai chi!","kind":"kinetics-class"}', true],
    [' { "answer" : "apple" , "label" : "apple" , "labelType" : "class" , "id" : 1e3 } ', true],
    ['{"id":1,"labelType":"class","label":"apple","answer":"an apple","kind":"star-qa"}', false],
    // Read from an answer span (the question-answering model), which only the general path has.
    ['{"id":1,"labelType":"class","label":"apple","answer":"an apple","kind":"star-object-at"}', false],
    ['{"id":1,"labelType":"caption","label":"apple","answer":"an apple"}', false],
    ['{"id":1,"labelType":"class","label":"apple","answer":"une pomme, café"}', false],
    ['{"id":1,"labelType":"class","label":"TV","answer":"a television"}', false],
    ['{"id":1,"labelType":"class","label":"apple","answer":"an\tapple"}', false],
    ['{"id":1,"labelType":"class","label":"apple","label":"pear","answer":"a pear"}', false],
    ['{"id":1,"labelType":"class","label":"apple","answer":"a pear"} x', false],
  ])("%s → taken: %s", (input, taken) => {
    const fast = rendered(new ReleasedClassLines(reference), input);
    expect(fast !== undefined).toBe(taken);
    if (fast !== undefined) expect(fast).toBe(expectedLine(input));
  });
});
