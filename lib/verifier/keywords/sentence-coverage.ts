import type { KeywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { passingWords } from "@/lib/verifier/keywords/keyword-search";
import type { LabelKeywords } from "@/lib/verifier/keywords/label-keywords";
import type { AnswerText } from "@/lib/verifier/text/answer-text";

/** How many of a label's keyword parts one sentence of the answer contains (keyword rule per word). */
export interface SentenceCoverage {
  readonly sentence: number;
  /** Share of the label's keywords found in the sentence, in [0, 1]. */
  readonly coverage: number;
  readonly found: readonly string[];
}

/**
 * The lexical stand-in for sentence embeddings: for every sentence of the answer, the share of the
 * label's keywords that some word of that sentence matches by the keyword rule.
 */
export function sentenceCoverage(label: LabelKeywords, answer: AnswerText, rule: KeywordRule): SentenceCoverage[] {
  const sentences = answer.sentences;
  const foundPerSentence = sentences.map(() => new Set<string>());
  const tokens = answer.tokens;
  for (const members of label.parts) {
    const name = members.map((i) => label.keywords[i]?.word ?? "").join("/");
    const passing = new Set<string>();
    for (const i of members) {
      const keyword = label.keywords[i];
      if (keyword !== undefined) for (const word of passingWords(keyword, answer, rule, label.usesAllWords).keys()) passing.add(word);
    }
    if (passing.size === 0) continue;
    let sentence = 0;
    for (const token of tokens) {
      while (sentence < sentences.length && (sentences[sentence]?.end ?? 0) <= token.start) sentence++;
      const current = sentences[sentence];
      if (current === undefined) break;
      if (token.start >= current.start && passing.has(token.word)) foundPerSentence[sentence]?.add(name);
    }
  }
  const total = label.parts.length;
  return foundPerSentence.map((found, sentence) => ({
    sentence,
    coverage: total === 0 ? 0 : found.size / total,
    found: [...found],
  }));
}
