import { describe, expect, it } from "vitest";
import { splitSentences } from "@/lib/verifier/text/sentences";

describe("splitSentences", () => {
  it("splits on terminal punctuation and line breaks, not on decimals, with offsets", () => {
    const text = "  The dive scored 85.5 points!  Then he left.\nNext line? Yes";
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual(["The dive scored 85.5 points!", "Then he left.", "Next line?", "Yes"]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it("returns nothing for empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\t ")).toEqual([]);
  });
});
