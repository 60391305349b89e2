import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INFIX_FINDER } from "@/lib/verifier/spacy/affix-rules";
import { infixMatches, spacyTokenize } from "@/lib/verifier/spacy/tokenizer";

const texts = (text: string) => spacyTokenize(text).map((token) => token.text);

describe("spaCy's English tokenizer (spacy/tokenizer.pyx with the en defaults)", () => {
  it.each([
    // TOKENIZER_INFIXES: "." splits only between a lower-case and an upper-case letter; digits keep theirs.
    ["3.5 Soms.Tuck", ["3.5", "Soms", ".", "Tuck"]],
    ["Arm.Forward 2.5 Soms.Pike", ["Arm", ".", "Forward", "2.5", "Soms", ".", "Pike"]],
    // "," splits only between letters, "-" only before a letter; "2-3" splits at the arithmetic infix.
    ["1,234 covid-19 2-3", ["1,234", "covid-19", "2", "-", "3"]],
    ["hula-hooping, rock-climbing", ["hula", "-", "hooping", ",", "rock", "-", "climbing"]],
    // English special cases (tokenizer_exceptions.py).
    ["I don't know, it's gonna rain", ["I", "do", "n't", "know", ",", "it", "'s", "gon", "na", "rain"]],
    ["They're the same.", ["They", "'re", "the", "same", "."]],
    // Prefixes and suffixes come off one at a time; units after a number are suffixes.
    ['"Hello," he said (10kg)...', ['"', "Hello", ",", '"', "he", "said", "(", "10", "kg", ")", "..."]],
    ["The cup/glass/bottle.", ["The", "cup", "/", "glass", "/", "bottle", "."]],
    // URL_MATCH keeps lower-case dotted names whole; upper case after the dot is an infix split.
    ["soms.tuck e.g. U.S.", ["soms.tuck", "e.g.", "U.S."]],
    // Emoji are prefixes, suffixes and infixes (LIST_ICONS).
    ["🍎eating🥧apple😀pie🎉", ["🍎", "eating", "🥧", "apple", "😀", "pie", "🎉"]],
    // White space: one space separates; other runs become tokens.
    ["a  b\n\nc", ["a", " ", "b", "\n\n", "c"]],
  ])("%j → %j", (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it("gives offsets into the original text, in order, covering every non-space character", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."aB3.,-'/ (\n)éx😀"), maxLength: 40 }), (text) => {
        const tokens = spacyTokenize(text);
        let at = 0;
        for (const token of tokens) {
          expect(text.slice(token.start, token.end)).toBe(token.text);
          expect(token.start).toBeGreaterThanOrEqual(at);
          expect(text.slice(at, token.start)).toMatch(/^ ?$/);
          at = token.end;
        }
        expect(text.slice(at)).toMatch(/^\s*$/);
      }),
      { numRuns: 500 },
    );
  });

  it("finds the infixes String.prototype.matchAll finds (without compiling the expression anew)", () => {
    const matches = (found: Iterable<RegExpMatchArray>) => Array.from(found, (match) => [match.index, match[0]]);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."aZ3.,-'/:~+^*<>=…😀é_ "), maxLength: 30 }), (text) => {
        expect(matches(infixMatches(text))).toEqual(matches(text.matchAll(INFIX_FINDER)));
      }),
      { numRuns: 1000 },
    );
  });
});
