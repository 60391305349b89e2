import { describe, expect, it } from "vitest";
import { KNOWN_DATASET_SUB_ACTIONS } from "@/lib/aqa/sub-action-vocabulary";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import { keywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { labelKeywords } from "@/lib/verifier/keywords/label-keywords";
import type { Target } from "@/lib/verifier/label-schemas";
import { expectSpansInAnswer } from "@/lib/verifier/testing/verdict-assertions";
import { verifySync } from "@/lib/verifier/verify";

const paper = resolveVerifierConfig("paper");
const names = KNOWN_DATASET_SUB_ACTIONS.map(([, name]) => name);

describe("paper preset: decimals stay whole (paper, appendix A: the label's words must be in the answer)", () => {
  it("gives each of FineDiving's known sub-action names its own keywords", () => {
    const rule = keywordRule(paper.keyword);
    const keywordSets = new Set(
      names.map((name) =>
        labelKeywords(name, rule)
          .keywords.map((keyword) => keyword.word)
          .join(" "),
      ),
    );
    expect(keywordSets.size).toBe(names.length);
    expect(labelKeywords("2.5 Soms.Pike", rule).keywords.map((keyword) => keyword.word)).toEqual(["2.5", "soms", "pike"]);
  });

  it("never verifies a sub-action as another that differs only by its number", () => {
    const withoutNumbers = (name: string) => name.replace(/[\d.]+/g, "#");
    for (const label of names) {
      expect(verifySync({ labelType: "class", label }, `The diver performs ${label}.`, paper).passed).toBe(true);
      for (const said of names) {
        if (said === label || withoutNumbers(said) !== withoutNumbers(label)) continue;
        const verdict = verifySync({ labelType: "class", label }, `The diver performs ${said}.`, paper);
        expect(verdict.passed, `${said} for ${label}`).toBe(false);
      }
    }
  });

  it("does not find a number inside a decimal ('5' is not in '3.5')", () => {
    expect(verifySync({ labelType: "class", label: "5" }, "It was a 3.5.", paper).passed).toBe(false);
    expect(verifySync({ labelType: "class", label: "3.5" }, "It was a 3.5.", paper).passed).toBe(true);
  });
});

describe("paper preset: sequences with a repeated action", () => {
  const dive: Target = { labelType: "sequence", label: { actions: ["Back", "1.5 Twists", "2.5 Soms.Pike", "1.5 Twists", "Entry"] } };

  it("accepts a perfect answer: a repeated action is looked for after the previous action", () => {
    const answer = "The diver takes off Back, does 1.5 Twists, then 2.5 Soms.Pike, then 1.5 Twists again, and ends with the Entry.";
    const verdict = verifySync(dive, answer, paper);
    expect(verdict.passed).toBe(true);
    expectSpansInAnswer(verdict, answer);
    const twists = verdict.matches.filter((match) => match.group === "1.5 Twists" && match.part === "twists");
    expect(twists.map((match) => match.matched && match.start)).toEqual([answer.indexOf("Twists"), answer.lastIndexOf("Twists")]);
  });

  it("still fails an answer that says the repeated action only once", () => {
    const answer = "The diver takes off Back, does 1.5 Twists, then 2.5 Soms.Pike and ends with the Entry.";
    const verdict = verifySync(dive, answer, paper);
    expect(verdict.passed).toBe(false);
    expect(verdict.matches.some((match) => match.part === "order")).toBe(true);
  });
});

describe("paper preset: slash names are alternatives", () => {
  const target: Target = { labelType: "class", label: "The cup/glass/bottle" };

  it("passes when any alternative is in the answer", () => {
    const answer = "He picks up a bottle.";
    const verdict = verifySync(target, answer, paper);
    expect(verdict.passed).toBe(true);
    expect(verdict.matches).toEqual([
      {
        matched: true,
        part: "cup/glass/bottle",
        target: 0,
        start: answer.indexOf("bottle"),
        end: answer.indexOf("bottle") + 6,
        text: "bottle",
        similarity: 1,
      },
    ]);
  });

  it("fails when none is, and keeps other words required", () => {
    expect(verifySync(target, "He lifts a plate.", paper).passed).toBe(false);
    const both: Target = { labelType: "class", label: "holding a cup/glass" };
    expect(verifySync(both, "He has a glass.", paper).passed).toBe(false);
    expect(verifySync(both, "He is holding a glass.", paper).passed).toBe(true);
  });
});
