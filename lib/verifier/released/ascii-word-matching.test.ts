import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AsciiWordMatcher } from "@/lib/verifier/released/ascii-word-matching";
import { releasedWords } from "@/lib/verifier/released/keywords";
import { fuzzRatio } from "@/lib/verifier/similarity/indel-ratio";

/** Pieces of ASCII text that exercise spaCy's rules: words, stop words, numbers, affixes, infixes, special cases, white space. */
const PIECES = [
  ..."abcxyzABC0123456789",
  ...".,;:!?-'\"/()[]{}<>%$&*+=@#~`^_|\\",
  "\x01",
  "\x7f",
  " ",
  "  ",
  "   ",
  "\n",
  "\t",
  "\r\n",
  "the",
  "apple",
  "apples",
  "Apple",
  "pie",
  "eating",
  "3.5",
  "1,234",
  "covid-19",
  "Soms.Tuck",
  "don't",
  "gonna",
  "U.S.",
  "e.g.",
  "10kg",
  "hula-hooping",
  "clothing,",
  "foreground",
  "http://example.com/x",
  "a-very-long-hyphenated-compound-word",
  "supercalifragilisticexpialidocious",
];
const asciiText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(""));

/** The matcher's words of `text` (placed at `offset` in a larger buffer), as texts and offsets. */
function scanned(matcher: AsciiWordMatcher, text: string, offset = 0) {
  const bytes = Buffer.alloc(offset + text.length + offset, 0x2e);
  bytes.write(text, offset, "latin1");
  matcher.begin();
  const count = matcher.scan(bytes, offset, offset + text.length, false);
  return {
    count,
    words: Array.from(matcher.words.subarray(0, count), (word) => matcher.wordText(word)),
    starts: Array.from(matcher.starts.subarray(0, count)),
    ends: Array.from(matcher.ends.subarray(0, count)),
  };
}

describe("AsciiWordMatcher: the released keywords of ASCII text, from its bytes", () => {
  it("finds the words releasedWords finds, at the same offsets, in order of first occurrence", () => {
    const matcher = new AsciiWordMatcher();
    fc.assert(
      fc.property(asciiText, fc.integer({ min: 0, max: 20 }), (text, offset) => {
        const expected = releasedWords(text);
        expect(scanned(matcher, text, offset)).toEqual({
          count: expected.words.length,
          words: expected.words.map((word) => word.word),
          starts: [...expected.starts],
          ends: [...expected.ends],
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same words once its tables have been cleared", () => {
    const matcher = new AsciiWordMatcher();
    const text = "Step by step, the person is clearly eating apple pie (apples) here.";
    const before = scanned(matcher, text);
    // Enough distinct spans to pass the table's limits.
    for (let i = 0; i < 40_000; i++) scanned(matcher, `w${i.toString(36)}x${i} y${i}-z`);
    expect(scanned(matcher, text)).toEqual(before);
  });

  it("refuses non-ASCII bytes, and control characters of raw JSON string content", () => {
    const matcher = new AsciiWordMatcher();
    const bytes = (text: string) => Buffer.from(text, "latin1");
    matcher.begin();
    expect(matcher.scan(bytes("café au lait"), 0, 12, false)).toBe(-1);
    expect(matcher.scan(bytes("tab\tapple"), 0, 9, true)).toBe(-1);
    expect(matcher.scan(bytes("tab\tapple"), 0, 9, false)).toBe(2);
    expect(matcher.scan(bytes("apple pie"), 0, 9, true)).toBe(2);
  });

  it("picks the answer word with the highest fuzz.ratio, earliest on ties", () => {
    const matcher = new AsciiWordMatcher();
    fc.assert(
      fc.property(asciiText, asciiText, (label, answer) => {
        const { count, words } = scanned(matcher, answer);
        const found = keywordsOf(matcher, matcher.label(label));
        fc.pre(found !== undefined && count > 0);
        for (const keyword of found?.numbers ?? []) {
          const ratios = words.map((word) => fuzzRatio(matcher.wordText(keyword), word));
          const highest = Math.max(...ratios);
          const packed = matcher.best(keyword, count);
          expect({ index: packed >> 7, ratio: packed & 127 }).toEqual({ index: ratios.indexOf(highest), ratio: highest });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("reads a label from its bytes as from its text, cached by its bytes", () => {
    const matcher = new AsciiWordMatcher();
    fc.assert(
      fc.property(asciiText, fc.integer({ min: 0, max: 5 }), (label, offset) => {
        const bytes = Buffer.from(`${"x".repeat(offset)}${label}`, "latin1");
        matcher.begin();
        // JSON string content has no control character unescaped: such bytes are refused.
        const hasControl = [...label].some((character) => character < " ");
        const fromText = hasControl ? undefined : keywordsOf(matcher, matcher.label(label));
        expect(keywordsOf(matcher, matcher.asciiLabel(bytes, offset, bytes.length))).toEqual(fromText);
        expect(keywordsOf(matcher, matcher.asciiLabel(bytes, offset, bytes.length))).toEqual(fromText);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps its own copy of a label's bytes (the buffer may be read into again)", () => {
    const matcher = new AsciiWordMatcher();
    const bytes = Buffer.from("apple pie", "latin1");
    matcher.begin();
    const apple = matcher.asciiLabel(bytes, 0, bytes.length);
    bytes.write("tai chi!!", 0, "latin1");
    const taiChi = matcher.asciiLabel(bytes, 0, bytes.length);
    expect(keywordsOf(matcher, apple)).toMatchObject({ words: ["apple", "pie"], parts: ['"apple"', '"pie"'] });
    expect(keywordsOf(matcher, taiChi)?.words).toEqual(["tai", "chi"]);
    // Found again (not stored anew) from other bytes.
    const again = Buffer.from("xapple pie", "latin1");
    expect(matcher.asciiLabel(again, 1, again.length)).toBe(apple);
  });
});

/** A label's keywords as the matcher stores them: word numbers, texts and JSON parts. */
function keywordsOf(matcher: AsciiWordMatcher, at: number) {
  if (at < 0) return undefined;
  const numbers: number[] = [];
  const parts: string[] = [];
  for (let k = 0, p = at + 1; k < (matcher.keywords[at] as number); k++, p += 3) {
    numbers.push(matcher.keywords[p] as number);
    parts.push(Buffer.from(matcher.parts.subarray(matcher.keywords[p + 1], matcher.keywords[p + 2])).toString("utf8"));
  }
  return { numbers, words: numbers.map((word) => matcher.wordText(word)), parts };
}
