import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiWordView, normalisedWords, tokenize } from "@/lib/verifier/text/tokenize";

/** Property tests run hundreds of cases; give them room on a shared, loaded machine. */
const PROPERTY_TIMEOUT = 60_000;

describe("tokenize", () => {
  it("lower-cases, splits on punctuation, hyphens, apostrophes and underscores", () => {
    expect(normalisedWords("Eating APPLE-pie, the man's hula_hoop!")).toEqual([
      "eating",
      "apple",
      "pie",
      "the",
      "man",
      "s",
      "hula",
      "hoop",
    ]);
  });

  it("keeps offsets into the original text through NFKC normalisation", () => {
    const text = "Ｔｈｅ ﬁsh — café 😀 ｔｅａ";
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.word)).toEqual(["the", "fish", "café", "tea"]);
    for (const token of tokens) {
      expect(text.slice(token.start, token.end).normalize("NFKC").toLowerCase()).toBe(token.word);
    }
  });

  it("treats emoji and symbols as separators", () => {
    expect(normalisedWords("apple🍎pie🥧!")).toEqual(["apple", "pie"]);
  });

  it("joins combining marks to their letter", () => {
    const text = "cafe\u0301 au lait";
    const [first] = tokenize(text);
    expect(first).toEqual({ word: "café", start: 0, end: 5 });
  });

  it(
    "gives the same words by the ASCII fast path and the Unicode path",
    () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary-ascii", maxLength: 80 }), (ascii) => {
          const viaFastPath = tokenize(ascii);
          const viaUnicodePath = tokenize(`${ascii} é`).slice(0, -1);
          expect(viaFastPath).toEqual(viaUnicodePath);
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it("uses the ASCII view only when every word character is ASCII", () => {
    expect(asciiWordView("He ate — ‘fast’ 😀")).toBe("he ate — ‘fast’ 😀");
    expect(asciiWordView("He ate a crêpe")).toBeNull();
  });
});
