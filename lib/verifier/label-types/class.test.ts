import { describe, expect, it } from "vitest";
import { resolveVerifierConfig, type PresetName } from "@/lib/verifier/config";
import { expectSpansInAnswer } from "@/lib/verifier/testing/verdict-assertions";
import { verifySync } from "@/lib/verifier/verify";

const configs = { paper: resolveVerifierConfig("paper"), "reference-code": resolveVerifierConfig("reference-code") };

interface ClassCase {
  label: string;
  answer: string;
  paper: boolean;
  reference: boolean;
}

const cases: Record<string, ClassCase> = {
  "label verbatim": { label: "eating apple pie", answer: "The man is eating an apple pie.", paper: true, reference: true },
  "plural within threshold (91)": { label: "eating apples", answer: "He keeps eating the apple.", paper: true, reference: true },
  "inflection too far (eats vs eating = 60)": { label: "eating apple pie", answer: "He eats apple pie.", paper: false, reference: false },
  "exactly 80 (apple vs apply): paper >= 0.8, released code needs > 85": {
    label: "apple",
    answer: "We apply glue.",
    paper: true,
    reference: false,
  },
  "86 passes the released code's > 85 (cat vs cats)": { label: "cats", answer: "A cat sleeps.", paper: true, reference: true },
  "kitten vs sitting (62)": { label: "kitten", answer: "sitting", paper: false, reference: false },
  "missing keyword": { label: "playing basketball", answer: "They are playing football outside.", paper: false, reference: false },
  "empty answer": { label: "eating apple pie", answer: "", paper: false, reference: false },
  "answer of punctuation and emoji only": { label: "eating apple pie", answer: "🍎🥧 ... !!! 😀", paper: false, reference: false },
  "punctuation and stop words in the label": {
    label: "passing American football (in game)",
    answer: "They are passing an American football during the game.",
    paper: true,
    reference: true,
  },
  "hyphens split words": { label: "hula-hooping", answer: "A girl is hula hooping in the yard.", paper: true, reference: true },
  "hyphenated answer": { label: "rock climbing", answer: "Indoor rock-climbing, clearly.", paper: true, reference: true },
  // The released code does not normalise full-width letters: "ｍａｋｉｎｇ" shares nothing with "making".
  "Unicode label and answer": { label: "making crêpes", answer: "Ｍａｋｉｎｇ a CRÊPE 🥞!", paper: true, reference: false },
  "emoji around the words": { label: "eating apple pie", answer: "🍎eating🥧apple😀pie🎉", paper: true, reference: true },
  "only short words: the released loop never runs (passes); paper uses all words instead": {
    label: "yo-yo",
    answer: "She plays with a yo yo.",
    paper: true,
    reference: true,
  },
  "only short words, absent: passes the released code vacuously": {
    label: "yo-yo",
    answer: "She plays with a ball.",
    paper: false,
    reference: true,
  },
};

describe("class", () => {
  for (const [name, testCase] of Object.entries(cases)) {
    for (const preset of ["paper", "reference-code"] as PresetName[]) {
      const expected = preset === "paper" ? testCase.paper : testCase.reference;
      it(`${name} (${preset}) → ${expected ? "passes" : "fails"}`, () => {
        const verdict = verifySync({ labelType: "class", label: testCase.label }, testCase.answer, configs[preset]);
        expect(verdict.passed).toBe(expected);
        expect(verdict.method).toMatch(preset === "paper" ? /^class:keyword-fuzz-ratio$/ : /^class:released-word-matching/);
        if (preset === "paper") expect(verdict.matches.every((match) => match.matched)).toBe(expected);
        expectSpansInAnswer(verdict, testCase.answer);
      });
    }
  }

  it("explains each keyword: span in the original answer and similarity, or why it is missing", () => {
    // The closest miss is sought among words of a length that could pass ("pie" is too short for "pizza").
    const answer = "Ｔｈｅ man is EATING an apple pie";
    const verdict = verifySync({ labelType: "class", label: "eating apples pizza" }, answer);
    expect(verdict.passed).toBe(false);
    expect(verdict.threshold).toBe(0.8);
    expect(verdict.matches).toEqual([
      { matched: true, part: "eating", target: 0, start: 11, end: 17, text: "EATING", similarity: 1 },
      { matched: true, part: "apples", target: 0, start: 21, end: 26, text: "apple", similarity: 0.91 },
      {
        matched: false,
        part: "pizza",
        target: 0,
        reason: 'no answer word reaches 0.8 (closest "apple", 0.2)',
        closest: { start: 21, end: 26, text: "apple", similarity: 0.2 },
      },
    ]);
    expect(verdict.score).toBe(0.2);
  });

  it("finds a label at the end of a 50,000-character answer with correct offsets", () => {
    const filler = "the camera shows a crowded street with people walking past shops ".repeat(800);
    const answer = `${filler.slice(0, 50_000)} so: eating apple pie!`;
    expect(answer.length).toBeGreaterThanOrEqual(50_000);
    const verdict = verifySync({ labelType: "class", label: "eating apple pie" }, answer);
    expect(verdict.passed).toBe(true);
    expectSpansInAnswer(verdict, answer);
    expect(verdict.matches[0]).toMatchObject({ text: "eating", start: answer.lastIndexOf("eating") });
    const missing = verifySync({ labelType: "class", label: "juggling soccer ball" }, filler.slice(0, 50_000));
    expect(missing.passed).toBe(false);
  });

  it("honours threshold overrides", () => {
    const strict = resolveVerifierConfig("paper", { keyword: { threshold: 0.95 } });
    expect(verifySync({ labelType: "class", label: "apples" }, "an apple", strict).passed).toBe(false);
    expect(verifySync({ labelType: "class", label: "apples" }, "an apple").passed).toBe(true);
  });
});
