import { describe, expect, it } from "vitest";
import { findPolarityMentions } from "@/lib/verifier/text/polarity";

const polarities = (text: string) => findPolarityMentions(text).map((mention) => [mention.text, mention.same]);

describe("findPolarityMentions", () => {
  it("recognises same, not the same, different and their negations", () => {
    expect(polarities("They are the same. They aren't the same. It is different. Not different at all.")).toEqual([
      ["the same", true],
      ["aren't the same", false],
      ["different", false],
      ["Not different", true],
    ]);
  });

  it("ignores idioms and reads a leading yes or no", () => {
    expect(polarities("Yes, both jump at the same time, seen from a different angle.")).toEqual([["Yes", true]]);
    expect(polarities("No. The two objects are not identical.")).toEqual([
      ["No", false],
      ["not identical", false],
    ]);
  });
});
