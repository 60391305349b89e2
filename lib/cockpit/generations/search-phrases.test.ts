import { describe, expect, test } from "vitest";
import { parseSearch, phrasePattern } from "./search-phrases";

describe("search phrases", () => {
  test("quoted phrases are found, excluded ones marked, typographic quotes made plain", () => {
    expect(parseSearch('dog "apple  pie" -"red ball"')).toEqual({
      text: 'dog "apple  pie" -"red ball"',
      phrases: [
        { words: ["apple", "pie"], excluded: false },
        { words: ["red", "ball"], excluded: true },
      ],
    });
    expect(parseSearch("\u201Ceating the pie\u201D")).toEqual({
      text: '"eating the pie"',
      phrases: [{ words: ["eating", "the", "pie"], excluded: false }],
    });
    expect(parseSearch('no phrase, "" empty').phrases).toEqual([]);
  });

  test("a phrase pattern matches the words in order as whole words, regex characters taken literally", () => {
    // JavaScript's \b stands in for PostgreSQL's \m and \M here.
    const asJs = (pattern: string) => new RegExp(pattern.replace(/\\m|\\M/g, "\\b"), "i");
    const pattern = asJs(phrasePattern({ words: ["apple", "pie"], excluded: false }));
    expect(pattern.test("She eats Apple  pie.")).toBe(true);
    expect(pattern.test("apple pies")).toBe(false);
    expect(pattern.test("pineapple pie")).toBe(false);
    expect(pattern.test("pie apple")).toBe(false);
    expect(phrasePattern({ words: ["1.5", "(m)"], excluded: false })).toBe("\\m1\\.5\\s+\\(m\\)");
  });
});
