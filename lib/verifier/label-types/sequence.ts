import { keywordRule } from "@/lib/verifier/keywords/keyword-rule";
import { matchKeywordGroups, type KeywordParts } from "@/lib/verifier/keywords/keyword-parts";
import { labelKeywords } from "@/lib/verifier/keywords/label-keywords";
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
 * Every action must be found, and the actions' first appearances must follow the listed order
 * (ties allowed). By keyword (default), an action appears where the last of its keywords first
 * appears; semantically, at the first sentence similar enough to it.
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
  label.actions.forEach((action, i) => {
    const result = results[i] as KeywordParts;
    matches.push(...result.parts);
    score = Math.min(score, result.score);
    if (!result.passed) {
      allFound = false;
      return;
    }
    const position = Math.max(...result.parts.map((part) => (part.matched ? part.start : 0)));
    placements.push({ action, position });
  });
  return finish("sequence:keyword-order", rule.threshold, rule.strict, { matches, placements, score, allFound }, context);
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
