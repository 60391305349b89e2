import { describe, expect, it } from "vitest";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import { expectSpansInAnswer } from "@/lib/verifier/testing/verdict-assertions";
import { verifySync } from "@/lib/verifier/verify";

const actions = ["opening door", "drinking water", "sitting on sofa"];
const target = { labelType: "sequence", label: { actions } } as const;

describe("sequence (keyword rule)", () => {
  it.each([
    ["in order", "First he is opening the door, then drinking water, and finally sitting on the sofa.", true],
    ["out of order", "He is drinking water, then opening the door, then sitting on the sofa.", false],
    ["one action missing", "He is opening the door and then sitting on the sofa.", false],
    ["empty answer", "", false],
  ])("%s", (_name, answer, expected) => {
    const verdict = verifySync(target, answer, resolveVerifierConfig("paper"));
    expect(verdict.passed).toBe(expected);
    expect(verdict.method).toBe("sequence:keyword-order");
    expectSpansInAnswer(verdict, answer);
  });

  it("groups keyword matches by action and explains an order violation", () => {
    const answer = "He is drinking water, then opening the door, then sitting on the sofa.";
    const verdict = verifySync(target, answer);
    expect(verdict.score).toBe(0);
    expect(verdict.matches.filter((match) => match.group === "opening door").map((match) => match.part)).toEqual(["opening", "door"]);
    const order = verdict.matches.find((match) => match.part === "order");
    expect(order).toMatchObject({ matched: false, reason: expect.stringMatching(/"drinking water" first appears/) });
  });

  it("by sentences when configured semantic (lexical fallback without an embedder)", () => {
    const config = resolveVerifierConfig("paper", { sequence: { matching: "semantic" } });
    const inOrder = "He opens the door. Then he is drinking water. Later he is sitting on the sofa.";
    const verdict = verifySync({ labelType: "sequence", label: { actions: ["door", "drinking water", "sofa"] } }, inOrder, config);
    expect(verdict.method).toBe("sequence:lexical-fallback");
    expect(verdict.passed).toBe(true);
    expect(verdict.matches.map((match) => match.matched && match.text)).toEqual([
      "He opens the door.",
      "Then he is drinking water.",
      "Later he is sitting on the sofa.",
    ]);
  });
});
