import { compileAsciiScanPlan, type AsciiScanPlan } from "@/lib/verifier/keywords/ascii-scan";
import type { KeywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { codePointLength, hasSurrogates } from "@/lib/verifier/similarity/indel-ratio";
import { tokenize } from "@/lib/verifier/text/tokenize";

export interface Keyword {
  readonly word: string;
  readonly length: number;
  readonly hasSurrogates: boolean;
  /** The keyword compiled for in-place scans of ASCII answers; null when it cannot be. */
  readonly scanPlan: AsciiScanPlan | null;
}

export interface LabelKeywords {
  /** Every keyword to look for in the answer. */
  readonly keywords: readonly Keyword[];
  /**
   * What the answer must contain: each part is one keyword, or several alternatives written with
   * slashes in the label ("cup/glass/bottle"), any one of which will do. Indices into `keywords`.
   */
  readonly parts: readonly (readonly number[])[];
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
  const groups = slashGroups(label);
  const all = distinctKeywords(groups, rule, () => true);
  const candidates = distinctKeywords(groups, rule, (keyword) => rule.isKeywordCandidate(keyword.word, keyword.length));
  if (candidates.keywords.length > 0 || all.keywords.length === 0) return { ...candidates, usesAllWords: false };
  return { ...all, usesAllWords: true };
}

/** The label's words, those joined by "/" (with or without spaces) grouped as alternatives. */
function slashGroups(label: string): string[][] {
  const groups: string[][] = [];
  let previousEnd = -1;
  for (const token of tokenize(label)) {
    const joined = previousEnd >= 0 && /^\s*\/\s*$/.test(label.slice(previousEnd, token.start));
    if (joined) groups.at(-1)?.push(token.word);
    else groups.push([token.word]);
    previousEnd = token.end;
  }
  return groups;
}

function distinctKeywords(
  groups: readonly string[][],
  rule: KeywordRule,
  keep: (keyword: Keyword) => boolean,
): { keywords: Keyword[]; parts: number[][] } {
  const keywords: Keyword[] = [];
  const index = new Map<string, number>();
  const parts: number[][] = [];
  const seenParts = new Set<string>();
  for (const group of groups) {
    const members: number[] = [];
    for (const word of group) {
      let at = index.get(word);
      if (at === undefined) {
        const keyword = toKeyword(word, rule);
        if (!keep(keyword)) continue;
        at = keywords.length;
        keywords.push(keyword);
        index.set(word, at);
      }
      if (!members.includes(at)) members.push(at);
    }
    const key = members.join(",");
    if (members.length > 0 && !seenParts.has(key)) {
      seenParts.add(key);
      parts.push(members);
    }
  }
  return { keywords, parts };
}

function toKeyword(word: string, rule: KeywordRule): Keyword {
  return {
    word,
    length: codePointLength(word),
    hasSurrogates: hasSurrogates(word),
    scanPlan: compileAsciiScanPlan(word, rule.passesPercent),
  };
}
