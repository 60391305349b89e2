import type { KeywordRule } from "@/lib/verifier/keywords/keyword-rule";
import type { Keyword } from "@/lib/verifier/keywords/label-keywords";
import { scanAsciiWords, type AsciiScanPlan, type AsciiScanResult } from "@/lib/verifier/keywords/ascii-scan";
import { percentFromLcs, withPattern } from "@/lib/verifier/similarity/indel-ratio";
import { everyWord, type AnswerText, type IndexedWord } from "@/lib/verifier/text/answer-text";

/** An answer word compared with a keyword; `similarity` is fuzz.ratio / 100. */
export interface KeywordHit {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  readonly similarity: number;
}

export interface KeywordSearchResult {
  /** The chosen answer word meeting the threshold, if any. */
  readonly hit?: KeywordHit;
  /** Without a hit: the most similar answer word of a length that could pass, if any has similarity above 0. */
  readonly closest?: KeywordHit;
}

export interface KeywordSearchOptions {
  /** `best`: highest similarity (earliest on ties); `first`: earliest word meeting the threshold. */
  readonly pick: "best" | "first";
  /** Compare with every answer word, ignoring the answer-word filter (used for all-words labels). */
  readonly anyAnswerWord: boolean;
}

/**
 * Finds each keyword among the answer's words by the keyword rule (result i for keyword i).
 * With `pick: "best"`, exact whole-word occurrences are found first without tokenising. The rest
 * are compared only with answer words whose length could reach the threshold: in one in-place
 * pass for answers whose words are ASCII, else over the answer's distinct normalised words.
 */
export function searchKeywords(
  keywords: readonly Keyword[],
  answer: AnswerText,
  rule: KeywordRule,
  options: KeywordSearchOptions,
): KeywordSearchResult[] {
  const results: KeywordSearchResult[] = new Array(keywords.length);
  const pending: number[] = [];
  for (let i = 0; i < keywords.length; i++) {
    const keyword = keywords[i] as Keyword;
    const exact = options.pick === "best" ? answer.findWord(keyword.word) : undefined;
    if (exact === undefined) pending.push(i);
    else results[i] = { hit: { start: exact.start, end: exact.end, word: keyword.word, similarity: 1 } };
  }
  if (pending.length === 0) return results;

  const lower = answer.asciiWordView();
  const plans = pending.map((i) => (keywords[i] as Keyword).scanPlan);
  if (lower !== null && plans.every((plan) => plan !== null)) {
    const eligible = options.anyAnswerWord || rule.answerEligibility === everyWord ? undefined : rule.answerEligibility;
    const scans = scanAsciiWords(lower, plans as AsciiScanPlan[], { pickFirst: options.pick === "first", eligible });
    pending.forEach((keywordIndex, i) => {
      results[keywordIndex] = fromScan(scans[i] as AsciiScanResult, lower);
    });
    return results;
  }
  for (const i of pending) results[i] = scanDistinctWords(keywords[i] as Keyword, answer, rule, options);
  return results;
}

function fromScan(scan: AsciiScanResult, lower: string): KeywordSearchResult {
  const at = (start: number, end: number, percent: number): KeywordHit => ({
    start,
    end,
    word: lower.slice(start, end),
    similarity: percent / 100,
  });
  if (scan.hitStart >= 0) return { hit: at(scan.hitStart, scan.hitEnd, scan.hitPercent) };
  if (scan.closestPercent > 0) return { closest: at(scan.closestStart, scan.closestEnd, scan.closestPercent) };
  return {};
}

/** Scan over the distinct normalised words of the answer (any text). */
function scanDistinctWords(keyword: Keyword, answer: AnswerText, rule: KeywordRule, options: KeywordSearchOptions): KeywordSearchResult {
  const index = answer.wordIndex(rule.answerEligibility);
  const [shortest, longest] = lengthBand(keyword.length, index.byLength.length - 1, rule.passesPercent);
  const passes = rule.passesPercent;
  const pickFirst = options.pick === "first";
  let hit: IndexedWord | undefined;
  let hitPercent = -1;
  let closest: IndexedWord | undefined;
  let closestPercent = -1;

  withPattern(keyword.word, (lcsWith) => {
    for (let length = shortest; length <= longest; length++) {
      const words = index.byLength[length];
      if (words === undefined) continue;
      const total = keyword.length + length;
      for (let i = 0; i < words.length; i++) {
        const word = words[i] as IndexedWord;
        if (!word.eligible && !options.anyAnswerWord) continue;
        if (pickFirst && hit !== undefined && word.start > hit.start) continue;
        const percent = word.word === keyword.word ? 100 : percentFromLcs(lcsWith(word.word, word.hasSurrogates), total);
        if (passes[percent] === true) {
          if (isBetter(word, percent, hit, hitPercent, pickFirst)) {
            hit = word;
            hitPercent = percent;
          }
        } else if (isBetter(word, percent, closest, closestPercent, false)) {
          closest = word;
          closestPercent = percent;
        }
      }
    }
  });

  if (hit !== undefined) return { hit: toHit(hit, hitPercent) };
  return closest === undefined || closestPercent === 0 ? {} : { closest: toHit(closest, closestPercent) };
}

function isBetter(
  word: IndexedWord,
  percent: number,
  current: IndexedWord | undefined,
  currentPercent: number,
  earliestWins: boolean,
): boolean {
  if (current === undefined) return true;
  if (earliestWins) return word.start < current.start;
  return percent > currentPercent || (percent === currentPercent && word.start < current.start);
}

/** Shortest and longest answer-word lengths whose best possible ratio with the keyword passes. */
function lengthBand(keywordLength: number, longestWord: number, passes: readonly boolean[]): [number, number] {
  const possible = (length: number) => passes[percentFromLcs(Math.min(keywordLength, length), keywordLength + length)] === true;
  if (!possible(keywordLength)) return [1, 0];
  let shortest = keywordLength;
  while (shortest > 1 && possible(shortest - 1)) shortest--;
  let longest = keywordLength;
  while (longest < longestWord && possible(longest + 1)) longest++;
  return [shortest, longest];
}

function toHit(word: IndexedWord, percent: number): KeywordHit {
  return { start: word.start, end: word.end, word: word.word, similarity: percent / 100 };
}

/** Every distinct answer word meeting the threshold for `keyword`, with its fuzz.ratio percentage. */
export function passingWords(keyword: Keyword, answer: AnswerText, rule: KeywordRule, anyAnswerWord: boolean): Map<string, number> {
  const index = answer.wordIndex(rule.answerEligibility);
  const [shortest, longest] = lengthBand(keyword.length, index.byLength.length - 1, rule.passesPercent);
  const passing = new Map<string, number>();
  withPattern(keyword.word, (lcsWith) => {
    for (let length = shortest; length <= longest; length++) {
      for (const word of index.byLength[length] ?? []) {
        if (!word.eligible && !anyAnswerWord) continue;
        const percent = word.word === keyword.word ? 100 : percentFromLcs(lcsWith(word.word, word.hasSurrogates), keyword.length + length);
        if (rule.passesPercent[percent] === true) passing.set(word.word, percent);
      }
    }
  });
  return passing;
}
