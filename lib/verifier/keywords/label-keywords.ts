import { compileAsciiScanPlan, type AsciiScanPlan } from "@/lib/verifier/keywords/ascii-scan";
import type { KeywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { codePointLength, hasSurrogates } from "@/lib/verifier/similarity/indel-ratio";
import { normalisedWords } from "@/lib/verifier/text/tokenize";

export interface Keyword {
  readonly word: string;
  readonly length: number;
  readonly hasSurrogates: boolean;
  /** The keyword compiled for in-place scans of ASCII answers; null when it cannot be. */
  readonly scanPlan: AsciiScanPlan | null;
}

export interface LabelKeywords {
  readonly keywords: readonly Keyword[];
  /**
   * True when every label word was a stop word or too short, so all its words are used and
   * compared with every answer word (rather than letting any answer pass vacuously, as the
   * released code's `all([])` would).
   */
  readonly usesAllWords: boolean;
}

const CACHE_LIMIT = 20_000;
const caches = new WeakMap<KeywordRule, Map<string, LabelKeywords>>();

/** Distinct keywords of a label text, in order: normalised words minus stop words and short words. */
export function labelKeywords(label: string, rule: KeywordRule): LabelKeywords {
  let cache = caches.get(rule);
  if (cache === undefined) {
    cache = new Map();
    caches.set(rule, cache);
  }
  let result = cache.get(label);
  if (result === undefined) {
    result = extractKeywords(label, rule);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(label, result);
  }
  return result;
}

function extractKeywords(label: string, rule: KeywordRule): LabelKeywords {
  const words = [...new Set(normalisedWords(label))].map((word) => toKeyword(word, rule));
  const keywords = words.filter((keyword) => rule.isKeywordCandidate(keyword.word, keyword.length));
  return keywords.length > 0 || words.length === 0 ? { keywords, usesAllWords: false } : { keywords: words, usesAllWords: true };
}

function toKeyword(word: string, rule: KeywordRule): Keyword {
  return {
    word,
    length: codePointLength(word),
    hasSurrogates: hasSurrogates(word),
    scanPlan: compileAsciiScanPlan(word, rule.passesPercent),
  };
}
