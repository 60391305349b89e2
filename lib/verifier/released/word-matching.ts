import { keywordRule } from "@/lib/verifier/keywords/keyword-rule";
import type { LabelType } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { type KeptWord, type ReleasedWords, releasedLabelKeywords } from "@/lib/verifier/released/keywords";
import { droppedVerdict } from "@/lib/verifier/released/outcome";
import { percentFromLcs, withPattern } from "@/lib/verifier/similarity/indel-ratio";
import { comparisonOf, type PartMatch, type TargetVerdict } from "@/lib/verifier/verdict";

const WORD_MATCHING_METHOD = "released-word-matching";

/**
 * videostar/verifier.py `word_matching` (verifier types simple, obj_identify, obj_compare): every
 * label keyword needs an answer keyword with `fuzz.ratio > 85`. A label without keywords passes
 * any answer (the loop never runs); an answer without keywords raises in `max([])` and the item
 * is dropped.
 */
export function verifyWordMatching(labelType: LabelType, label: string, context: VerifyContext): TargetVerdict {
  const rule = keywordRule(context.config.keyword);
  const method = `${labelType}:${WORD_MATCHING_METHOD}`;
  const keywords = releasedLabelKeywords(label);
  const basis = { labelType, threshold: rule.threshold, comparison: comparisonOf(rule.strict), method } as const;
  if (keywords.words.length === 0) {
    const reason = "the label has no word longer than 2 characters that is not a stop word, so the released loop never runs";
    return { ...basis, passed: true, score: 1, matches: [{ matched: false, part: label, target: context.target, reason }] };
  }
  const answerWords = context.answer.releasedWords;
  if (answerWords.words.length === 0) {
    const why = "the answer has no word longer than 2 characters that is not a stop word (max() of an empty list)";
    return droppedVerdict(labelType, method, label, context.target, why);
  }
  const matches: PartMatch[] = [];
  let passed = true;
  let score = 1;
  for (const keyword of keywords.words) {
    const best = bestWord(keyword, answerWords);
    const similarity = best.percent / 100;
    score = Math.min(score, similarity);
    const start = answerWords.starts[best.index] as number;
    const end = answerWords.ends[best.index] as number;
    const text = context.answer.text.slice(start, end);
    if (rule.passesPercent[best.percent] === true) {
      matches.push({ matched: true, part: keyword.word, target: context.target, start, end, text, similarity });
      continue;
    }
    passed = false;
    const reason = `no answer word ${rule.strict ? "exceeds" : "reaches"} ${rule.threshold} (closest "${text}", ${similarity})`;
    matches.push({ matched: false, part: keyword.word, target: context.target, reason, closest: { start, end, text, similarity } });
  }
  return { ...basis, passed, score, matches };
}

/**
 * The answer word with the highest fuzz.ratio (earliest on ties). A word is compared only when a
 * bound on the common subsequence (the shorter length; the shared character classes plus the
 * keyword's repeated characters) could beat the best so far.
 */
function bestWord(keyword: KeptWord, answer: ReleasedWords): { index: number; percent: number } {
  let best = 0;
  let bestPercent = -1;
  const words = answer.words;
  const repeats = keyword.length - popCount(keyword.classes);
  withPattern(keyword.word, (lcsWith) => {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as KeptWord;
      const total = keyword.length + word.length;
      const bound = Math.min(keyword.length, word.length, popCount(keyword.classes & word.classes) + repeats);
      if (percentFromLcs(bound, total) <= bestPercent) continue;
      const percent = word === keyword ? 100 : percentFromLcs(lcsWith(word.word, word.hasSurrogates), total);
      if (percent > bestPercent) {
        best = i;
        bestPercent = percent;
        if (percent === 100) break;
      }
    }
  });
  return { index: best, percent: bestPercent };
}

function popCount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
