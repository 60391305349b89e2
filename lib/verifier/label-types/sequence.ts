import { type KeywordRule, keywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { passingWords } from "@/lib/verifier/keywords/keyword-search";
import { matchKeywordGroups, type KeywordParts } from "@/lib/verifier/keywords/keyword-parts";
import { type Keyword, type LabelKeywords, labelKeywords } from "@/lib/verifier/keywords/label-keywords";
import type { SequenceLabel } from "@/lib/verifier/label-schemas";
import type { VerifyContext } from "@/lib/verifier/label-types/context";
import { scoreSentences, type SentenceScores } from "@/lib/verifier/label-types/sentence-similarity";
import { candidatePart, comparisonOf, formatNumber, meetsThreshold, type PartMatch, type TargetVerdict } from "@/lib/verifier/verdict";

/** Where an action first appears in the answer, once all of it has been found. */
interface ActionPlacement {
  readonly action: string;
  readonly position: number;
}

/**
 * Every action must be found, and the actions' appearances must follow the listed order (ties
 * allowed). By keyword (default), an action appears where the last of its keywords first appears
 * at or after where the previous action was found, so a repeated action is found again further
 * on; semantically, at the first sentence similar enough to it.
 */
export function verifySequence(label: SequenceLabel, context: VerifyContext): TargetVerdict {
  return context.config.sequence.matching === "semantic" ? verifyBySentences(label, context) : verifyByKeywords(label, context);
}

function verifyByKeywords(label: SequenceLabel, context: VerifyContext): TargetVerdict {
  const rule = keywordRule(context.config.keyword);
  const matches: PartMatch[] = [];
  const placements: ActionPlacement[] = [];
  let score = 1;
  let allFound = true;
  const labels = label.actions.map((action) => ({ label: labelKeywords(action, rule), group: action }));
  const results = matchKeywordGroups(labels, context.answer, rule, { target: context.target, pick: "first" });
  const occurrences = new KeywordOccurrences(context, rule);
  let from = 0;
  label.actions.forEach((action, i) => {
    const result = results[i] as KeywordParts;
    score = Math.min(score, result.score);
    if (!result.passed) {
      matches.push(...result.parts);
      allFound = false;
      return;
    }
    // Each action is looked for from where the previous one was found, so a repeated action is found again later.
    const placed = occurrences.place((labels[i] as (typeof labels)[number]).label, from);
    const parts = placed === undefined ? result.parts : withSpans(result.parts, placed.spans, context.answer.text);
    matches.push(...parts);
    const starts = parts.map((part) => (part.matched ? part.start : 0));
    placements.push({ action, position: Math.max(...starts) });
    if (placed !== undefined) from = Math.min(...starts);
  });
  return finish("sequence:keyword-order", rule.threshold, rule.strict, { matches, placements, score, allFound }, context);
}

/** The matched parts, moved to the occurrences chosen for them. */
function withSpans(parts: readonly PartMatch[], spans: readonly { start: number; end: number }[], text: string): PartMatch[] {
  return parts.map((part, i) => {
    const span = spans[i];
    if (!part.matched || span === undefined) return part;
    return { ...part, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
  });
}

/** Where each keyword part of a label passes in the answer, for placing actions one after another. */
class KeywordOccurrences {
  private readonly passing = new Map<Keyword, Map<string, number>>();

  constructor(
    private readonly context: VerifyContext,
    private readonly rule: KeywordRule,
  ) {}

  /** The first occurrence at or after `from` of every part of the label; undefined when a part has none there. */
  place(label: LabelKeywords, from: number): { spans: { start: number; end: number }[] } | undefined {
    const spans: { start: number; end: number }[] = [];
    for (const members of label.parts) {
      const words = new Set<string>();
      for (const i of members) {
        const keyword = label.keywords[i] as Keyword;
        for (const word of this.passingWords(keyword, label.usesAllWords).keys()) words.add(word);
      }
      const token = this.context.answer.tokens.find((candidate) => candidate.start >= from && words.has(candidate.word));
      if (token === undefined) return undefined;
      spans.push({ start: token.start, end: token.end });
    }
    return { spans };
  }

  private passingWords(keyword: Keyword, anyAnswerWord: boolean): Map<string, number> {
    let words = this.passing.get(keyword);
    if (words === undefined) {
      words = passingWords(keyword, this.context.answer, this.rule, anyAnswerWord);
      this.passing.set(keyword, words);
    }
    return words;
  }
}

function verifyBySentences(label: SequenceLabel, context: VerifyContext): TargetVerdict {
  const matches: PartMatch[] = [];
  const placements: ActionPlacement[] = [];
  let score = 1;
  let allFound = true;
  let scored: SentenceScores | undefined;
  for (const action of label.actions) {
    scored = scoreSentences(action, context);
    const found = firstSimilarSentence(action, scored, context);
    matches.push(found.match);
    score = Math.min(score, found.similarity);
    if (found.match.matched) placements.push({ action, position: found.match.start });
    else allFound = false;
  }
  const method = scored?.method ?? "lexical-fallback";
  const threshold = scored?.threshold ?? context.config.caption.lexicalThreshold;
  return finish(`sequence:${method}`, threshold, context.config.caption.strict, { matches, placements, score, allFound }, context);
}

/** The first sentence similar enough to an action, or why there is none (with the closest one). */
function firstSimilarSentence(action: string, scored: SentenceScores, context: VerifyContext): { match: PartMatch; similarity: number } {
  const sentences = context.answer.sentences;
  const first = scored.scores.findIndex((value) => meetsThreshold(value, scored.threshold, scored.strict));
  const best = first >= 0 ? first : indexOfMax(scored.scores);
  const sentence = sentences[best];
  const similarity = scored.scores[best] ?? 0;
  if (sentence === undefined) {
    return {
      match: { matched: false, part: action, group: action, target: context.target, reason: "the answer has no sentences" },
      similarity: 0,
    };
  }
  const bar = `no sentence ${scored.strict ? "exceeds" : "reaches"} ${formatNumber(scored.threshold)}`;
  const match = candidatePart({
    passed: first >= 0,
    part: action,
    target: context.target,
    span: sentence,
    similarity,
    detail: scored.describe(best),
    reason: `${bar}; closest: ${scored.describe(best)}`,
  });
  return { match: { ...match, group: action }, similarity };
}

function finish(
  method: string,
  threshold: number,
  strict: boolean,
  found: { matches: PartMatch[]; placements: ActionPlacement[]; score: number; allFound: boolean },
  context: VerifyContext,
): TargetVerdict {
  const disorder = firstDisorder(found.placements);
  const matches = [...found.matches];
  if (disorder !== undefined) {
    matches.push({
      matched: false,
      part: "order",
      target: context.target,
      reason:
        `"${disorder.later.action}" first appears (at ${disorder.later.position}) ` +
        `before "${disorder.earlier.action}" (at ${disorder.earlier.position})`,
    });
  }
  const passed = found.allFound && disorder === undefined;
  return {
    labelType: "sequence",
    passed,
    score: disorder === undefined ? found.score : 0,
    threshold,
    comparison: comparisonOf(strict),
    method,
    matches,
  };
}

/** The first pair of found actions whose appearances contradict the listed order. */
function firstDisorder(placements: readonly ActionPlacement[]): { earlier: ActionPlacement; later: ActionPlacement } | undefined {
  for (let i = 1; i < placements.length; i++) {
    const earlier = placements[i - 1] as ActionPlacement;
    const later = placements[i] as ActionPlacement;
    if (later.position < earlier.position) return { earlier, later };
  }
  return undefined;
}

function indexOfMax(values: readonly number[]): number {
  let best = -1;
  values.forEach((value, i) => {
    if (best < 0 || value > (values[best] ?? 0)) best = i;
  });
  return best;
}
