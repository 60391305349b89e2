import { keywordRule, type KeywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { labelKeywords, type Keyword } from "@/lib/verifier/keywords/label-keywords";
import type { FloatLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { fuzzRatio } from "@/lib/verifier/similarity/indel-ratio";
import { findNumbers, type NumberMention } from "@/lib/verifier/text/numbers";
import { normalisedWords } from "@/lib/verifier/text/tokenize";
import { candidatePart, formatNumber, missingTarget, SCORE_EPSILON, type TargetVerdict } from "@/lib/verifier/verdict";

const FLOAT_METHOD = "float:regex-relative-error";

/** How far before a number its name may stand ("the final score of the dive was 85.2"). */
const WORDS_BEFORE = 6;
const CHARS_BEFORE = 80;
const UNIT_WORDS = new Set(["points", "point", "pts", "pt"]);

/**
 * Numbers in the answer, preferring those attached to the label's name ("score of 85.2",
 * "score: 85.2", "85.2 points"); all numbers when none is attached. Passes when the closest
 * candidate's relative error |x − v| / |v| is within tolerance. Score = 1 − relative error.
 */
export function verifyFloat(label: FloatLabel, context: VerifyContext): TargetVerdict {
  const tolerance = context.config.float.maxRelativeError;
  const basis = { labelType: "float", threshold: 1 - tolerance, comparison: ">=", method: FLOAT_METHOD } as const;
  const part = label.name.trim() === "" ? "value" : label.name.trim();
  const mentions = findNumbers(context.answer.text);
  if (mentions.length === 0) return missingTarget(basis, part, context.target, "no number in the answer");

  const rule = keywordRule(context.config.keyword);
  const nameKeywords = labelKeywords(label.name, rule).keywords;
  const attached = mentions.filter((mention, i) => isAttached(context.answer.text, mention, mentions[i - 1], nameKeywords, rule));
  const candidates = attached.length > 0 ? attached : mentions;
  const best = closestMention(candidates, label.value);
  const error = relativeError(best.value, label.value);
  const similarity = Math.max(0, 1 - error);
  const passed = error <= tolerance + SCORE_EPSILON;
  const how = attached.length > 0 ? `attached to "${part}"` : "no number attached to the name; all numbers considered";
  const bound = `${passed ? "<=" : ">"} ${formatPercent(tolerance)}`;
  const detail = `${best.text} vs ${label.value}: relative error ${formatPercent(error)} (${bound}; ${how})`;
  const match = candidatePart({ passed, part, target: context.target, span: best, similarity, detail, reason: `closest number ${detail}` });
  return { ...basis, passed, score: similarity, matches: [match] };
}

function relativeError(value: number, truth: number): number {
  if (truth === 0) return value === 0 ? 0 : Number.POSITIVE_INFINITY;
  return Math.abs(value - truth) / Math.abs(truth);
}

function closestMention(mentions: readonly NumberMention[], truth: number): NumberMention {
  let best = mentions[0] as NumberMention;
  for (const mention of mentions) {
    if (Math.abs(mention.value - truth) < Math.abs(best.value - truth)) best = mention;
  }
  return best;
}

function isAttached(
  text: string,
  mention: NumberMention,
  previous: NumberMention | undefined,
  nameKeywords: readonly Keyword[],
  rule: KeywordRule,
): boolean {
  const before = normalisedWords(text.slice(Math.max(previous?.end ?? 0, mention.start - CHARS_BEFORE), mention.start));
  if (before.slice(-WORDS_BEFORE).some((word) => matchesName(word, nameKeywords, rule))) return true;
  const after = normalisedWords(text.slice(mention.end, mention.end + 24))[0];
  return after !== undefined && (UNIT_WORDS.has(after) || matchesName(after, nameKeywords, rule));
}

function matchesName(word: string, nameKeywords: readonly Keyword[], rule: KeywordRule): boolean {
  return nameKeywords.some((keyword) => rule.passesPercent[fuzzRatio(word, keyword.word)] === true);
}

function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${formatNumber(fraction * 100, 2)}%` : "infinite";
}
