/** Tiny keyword helpers: enough to keep a wrong answer from mentioning the right label by accident. */

const minorWords = new Set([
  "the",
  "and",
  "for",
  "with",
  "from",
  "into",
  "onto",
  "that",
  "this",
  "then",
  "their",
  "them",
  "was",
  "are",
  "its",
  "out",
  "off",
  "over",
  "one",
  "some",
]);

/** Content words of a phrase: lowercase letters-only words longer than 2 characters. */
export function keywordsOf(phrase: string): readonly string[] {
  let words = keywordCache.get(phrase);
  if (words === undefined) {
    words = Object.freeze(
      phrase
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 2 && !minorWords.has(w)),
    );
    if (keywordCache.size >= MAX_CACHED_PHRASES) keywordCache.clear();
    keywordCache.set(phrase, words);
  }
  return words;
}

/**
 * Keywords by phrase: answers are assembled from a fixed vocabulary and sentence templates, so the
 * same phrases are looked at again and again (every candidate class, every drawn sentence).
 */
const keywordCache = new Map<string, readonly string[]>();
const MAX_CACHED_PHRASES = 20_000;

/** True when the words look alike: equal, or sharing a 4-letter stem ("pies"/"pie", "dance"/"dancing"). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length, 4);
  return n >= 3 && a.slice(0, n) === b.slice(0, n) && Math.abs(a.length - b.length) <= 4;
}

/** Whether `text` shares any content word (loosely) with `keywords`. */
export function sharesKeyword(text: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  const words = keywordsOf(text);
  return keywords.some((k) => words.some((w) => sameStem(w, k)));
}
