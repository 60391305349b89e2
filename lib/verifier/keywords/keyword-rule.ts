import type { VerifierConfig } from "@/lib/verifier/config";
import { stopWordSet } from "@/lib/verifier/keywords/stop-words";
import { everyWord, type WordEligibility } from "@/lib/verifier/text/answer-text";
import { meetsThreshold } from "@/lib/verifier/verdict";

/** The keyword rule of a configuration, compiled once for fast use. */
export interface KeywordRule {
  readonly threshold: number;
  readonly strict: boolean;
  /** Whether a word may be a keyword: not a stop word and long enough. */
  readonly isKeywordCandidate: WordEligibility;
  /** Which answer words keywords are compared with (all, or only keyword candidates). */
  readonly answerEligibility: WordEligibility;
  /** `passesPercent[p]`: whether a fuzz.ratio of p (0–100) meets the threshold. */
  readonly passesPercent: readonly boolean[];
}

const compiled = new WeakMap<VerifierConfig["keyword"], KeywordRule>();

export function keywordRule(settings: VerifierConfig["keyword"]): KeywordRule {
  let rule = compiled.get(settings);
  if (rule === undefined) {
    rule = compileKeywordRule(settings);
    compiled.set(settings, rule);
  }
  return rule;
}

function compileKeywordRule(settings: VerifierConfig["keyword"]): KeywordRule {
  const stopWords = stopWordSet(settings.stopWords);
  const isKeywordCandidate: WordEligibility = (word, length) => length >= settings.minWordLength && !stopWords.has(word);
  const passesPercent = Array.from({ length: 101 }, (_, percent) => meetsThreshold(percent / 100, settings.threshold, settings.strict));
  return {
    threshold: settings.threshold,
    strict: settings.strict,
    isKeywordCandidate,
    answerEligibility: settings.filterAnswerWords ? isKeywordCandidate : everyWord,
    passesPercent,
  };
}
