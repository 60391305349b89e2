import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords } from "./formatting";

/** The definition countWords must keep: runs of non-`\s` characters. */
const wordsBySplit = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length;

/** Every character the RegExp class `\s` matches, and a few it does not. */
const SPACES = [..."\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"];
const NEAR_SPACES = [..."\u0085\u180e\u200b\u200d\u2060\u001f!a9é"];

describe("countWords", () => {
  it("counts runs of non-whitespace, as splitting on \\s+ does", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   ")).toBe(0);
    expect(countWords("The person is eating apple pie.")).toBe(6);
    expect(countWords("  two\u00a0words\u2003 ")).toBe(2);
    expect(countWords("zero\u200bwidth")).toBe(1);
  });

  it("agrees with the regular expression on any text, Unicode spaces included", () => {
    const char = fc.oneof(fc.constantFrom(...SPACES, ...NEAR_SPACES), fc.string({ unit: "grapheme", maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const text = chars.join("");
        expect(countWords(text)).toBe(wordsBySplit(text));
      }),
      { numRuns: 2000 },
    );
  });
});
