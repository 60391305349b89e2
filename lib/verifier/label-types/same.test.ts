import { describe, expect, it } from "vitest";
import { verifySync } from "@/lib/verifier/verify";

const same = (value: boolean) => ({ labelType: "same", label: { same: value } }) as const;

describe("same", () => {
  it.each([
    [true, "Yes, they are the same object.", true],
    [true, "They are not the same object.", false],
    [false, "They are not the same object.", true],
    [false, "The two cups are different.", true],
    [true, "The two cups are different.", false],
    [false, "At first they look the same, but on closer inspection they are different.", true],
    [true, "They move at the same time.", false],
    [true, "No, they differ.", false],
    [true, "", false],
    [false, "I cannot tell 🤷", false],
  ])("label same=%s, answer %j → %s", (label, answer, expected) => {
    const verdict = verifySync(same(label), answer);
    expect(verdict.passed).toBe(expected);
    expect(verdict.method).toBe("same:polarity");
    expect(verdict.score).toBe(expected ? 1 : 0);
  });

  it("points at the deciding statement", () => {
    const answer = "They seem the same at first glance, but they are different objects.";
    const [match] = verifySync(same(false), answer).matches;
    expect(match).toMatchObject({ matched: true, text: "different", start: answer.indexOf("different") });
  });
});
