import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveVerifierConfig } from "@/lib/verifier/config";
import { keywordRule, type KeywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { searchKeywords, type KeywordSearchResult } from "@/lib/verifier/keywords/keyword-search";
import { labelKeywords, type Keyword } from "@/lib/verifier/keywords/label-keywords";
import { fuzzRatio, percentFromLcs } from "@/lib/verifier/similarity/indel-ratio";
import { AnswerText } from "@/lib/verifier/text/answer-text";
import { tokenize } from "@/lib/verifier/text/tokenize";

/** Property tests run hundreds of cases; give them room on a shared, loaded machine. */
const PROPERTY_TIMEOUT = 60_000;

const paperRule = keywordRule(resolveVerifierConfig("paper").keyword);
const referenceRule = keywordRule(resolveVerifierConfig("reference-code").keyword);

/** Brute force: compare the keyword with every answer word in order. */
function bruteForce(keyword: Keyword, answer: string, rule: KeywordRule, pick: "best" | "first"): KeywordSearchResult {
  const m = keyword.length;
  const possible = (n: number) => rule.passesPercent[percentFromLcs(Math.min(m, n), m + n)] === true;
  let hit: { start: number; end: number; word: string; percent: number } | undefined;
  let closest: typeof hit;
  for (const token of tokenize(answer)) {
    const length = Array.from(token.word).length;
    if (!possible(length) || !rule.answerEligibility(token.word, length)) continue;
    const percent = fuzzRatio(keyword.word, token.word);
    const candidate = { start: token.start, end: token.end, word: token.word, percent };
    if (rule.passesPercent[percent] === true) {
      if (hit === undefined || (pick === "best" && percent > hit.percent)) hit = candidate;
    } else if (closest === undefined || percent > closest.percent) {
      closest = candidate;
    }
  }
  const asHit = (c: NonNullable<typeof hit>) => ({ start: c.start, end: c.end, word: c.word, similarity: c.percent / 100 });
  if (hit !== undefined) return { hit: asHit(hit) };
  return closest === undefined || closest.percent === 0 ? {} : { closest: asHit(closest) };
}

const vocabulary = ["eat", "eating", "eaten", "heating", "apple", "apples", "pie", "pies", "tie", "the", "a", "ping", "pong"];
const answerWords = fc.array(fc.constantFrom(...vocabulary, "Eating!", "apple-pie", "crêpe", "ÉATING"), { maxLength: 40 });

describe("searchKeywords", () => {
  for (const [name, rule] of [
    ["paper", paperRule],
    ["reference-code", referenceRule],
  ] as const) {
    it(
      `equals a brute-force comparison with every word (${name}, ASCII and Unicode answers)`,
      () => {
        fc.assert(
          fc.property(
            answerWords,
            fc.constantFrom("eating apple pie", "apples pies", "heat ping"),
            fc.constantFrom("best", "first"),
            (words, label, pick) => {
              const answer = words.join(" ");
              const { keywords } = labelKeywords(label, rule);
              const found = searchKeywords(keywords, new AnswerText(answer), rule, { pick, anyAnswerWord: false });
              keywords.forEach((keyword, i) => {
                const expected = bruteForce(keyword, answer, rule, pick);
                const actual = found[i] as KeywordSearchResult;
                expect(actual.hit?.similarity).toBe(expected.hit?.similarity);
                expect(actual.hit?.start).toBe(expected.hit?.start);
                expect(actual.closest?.similarity).toBe(expected.closest?.similarity);
                expect(actual.closest?.start).toBe(expected.closest?.start);
              });
            },
          ),
          { numRuns: 300 },
        );
      },
      PROPERTY_TIMEOUT,
    );
  }

  it("finds the earliest passing word with pick 'first' and the most similar with 'best'", () => {
    const answer = new AnswerText("He was eaten, then kept eating.");
    const [keyword] = labelKeywords("eatin", paperRule).keywords;
    const options = { anyAnswerWord: false } as const;
    const [first] = searchKeywords([keyword as Keyword], answer, paperRule, { ...options, pick: "first" });
    const [best] = searchKeywords([keyword as Keyword], answer, paperRule, { ...options, pick: "best" });
    expect(first?.hit).toMatchObject({ word: "eaten", similarity: 0.8 });
    expect(best?.hit).toMatchObject({ word: "eating", similarity: 0.91 });
  });

  it("skips stop words and short answer words under the released code's rule", () => {
    // "parts" vs "part" is 89 > 85, but "part" is a spaCy stop word, so it may not match.
    const answer = new AnswerText("only part of it");
    const [keyword] = labelKeywords("parts", referenceRule).keywords;
    const [result] = searchKeywords([keyword as Keyword], answer, referenceRule, { pick: "best", anyAnswerWord: false });
    expect(result?.hit).toBeUndefined();
    const [paper] = searchKeywords(labelKeywords("parts", paperRule).keywords, answer, paperRule, { pick: "best", anyAnswerWord: false });
    expect(paper?.hit).toMatchObject({ word: "part", similarity: 0.89 });
  });
});
