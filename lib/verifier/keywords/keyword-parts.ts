import type { KeywordRule } from "@/lib/verifier/keywords/keyword-rule";
import {
  type KeywordHit,
  searchKeywords,
  type KeywordSearchOptions,
  type KeywordSearchResult,
} from "@/lib/verifier/keywords/keyword-search";
import type { Keyword, LabelKeywords } from "@/lib/verifier/keywords/label-keywords";
import type { AnswerText } from "@/lib/verifier/text/answer-text";
import type { PartMatch } from "@/lib/verifier/verdict";

/** Per-keyword parts of a label, and the lowest similarity among them (0 when one is missing). */
export interface KeywordParts {
  readonly parts: PartMatch[];
  readonly score: number;
  readonly passed: boolean;
}

interface PartContext {
  readonly target: number;
  readonly group?: string;
  readonly pick: KeywordSearchOptions["pick"];
}

/** Matches every keyword of a label against the answer by the keyword rule. */
export function matchKeywords(label: LabelKeywords, answer: AnswerText, rule: KeywordRule, context: PartContext): KeywordParts {
  const found = searchKeywords(label.keywords, answer, rule, { pick: context.pick, anyAnswerWord: label.usesAllWords });
  return toKeywordParts(label, found, answer, rule, context);
}

/**
 * Matches several labels (a sequence's actions) at once: one pass over the answer for all their
 * keywords (two if some labels compare with every answer word). Result i belongs to label i.
 */
export function matchKeywordGroups(
  labels: readonly { label: LabelKeywords; group: string }[],
  answer: AnswerText,
  rule: KeywordRule,
  context: Omit<PartContext, "group">,
): KeywordParts[] {
  const found: KeywordSearchResult[][] = labels.map(() => []);
  for (const anyAnswerWord of [false, true]) {
    const members = labels.flatMap((entry, i) => (entry.label.usesAllWords === anyAnswerWord ? [i] : []));
    if (members.length === 0) continue;
    const keywords = members.flatMap((i) => (labels[i] as (typeof labels)[number]).label.keywords);
    const results = searchKeywords(keywords, answer, rule, { pick: context.pick, anyAnswerWord });
    let next = 0;
    for (const i of members) {
      const count = (labels[i] as (typeof labels)[number]).label.keywords.length;
      found[i] = results.slice(next, next + count);
      next += count;
    }
  }
  return labels.map((entry, i) =>
    toKeywordParts(entry.label, found[i] as KeywordSearchResult[], answer, rule, { ...context, group: entry.group }),
  );
}

function toKeywordParts(
  label: LabelKeywords,
  found: readonly KeywordSearchResult[],
  answer: AnswerText,
  rule: KeywordRule,
  context: PartContext,
): KeywordParts {
  const parts: PartMatch[] = [];
  let score = label.parts.length === 0 ? 0 : 1;
  let passed = label.parts.length > 0;
  const group = context.group === undefined ? {} : { group: context.group };
  for (const members of label.parts) {
    const name = members.map((i) => (label.keywords[i] as Keyword).word).join("/");
    const { hit, closest } = bestAlternative(members, found, context.pick);
    if (hit !== undefined) {
      score = Math.min(score, hit.similarity);
      parts.push({
        matched: true,
        part: name,
        ...group,
        target: context.target,
        start: hit.start,
        end: hit.end,
        text: answer.text.slice(hit.start, hit.end),
        similarity: hit.similarity,
      });
      continue;
    }
    passed = false;
    score = Math.min(score, closest?.similarity ?? 0);
    const bar = `no answer word ${rule.strict ? "exceeds" : "reaches"} ${rule.threshold}`;
    if (closest === undefined) {
      parts.push({ matched: false, part: name, ...group, target: context.target, reason: bar });
      continue;
    }
    const text = answer.text.slice(closest.start, closest.end);
    parts.push({
      matched: false,
      part: name,
      ...group,
      target: context.target,
      reason: `${bar} (closest "${text}", ${closest.similarity})`,
      closest: { start: closest.start, end: closest.end, text, similarity: closest.similarity },
    });
  }
  return { parts, score, passed };
}

/** Among a part's alternatives: the hit to report (most similar, or earliest with pick "first") or the closest miss. */
function bestAlternative(
  members: readonly number[],
  found: readonly KeywordSearchResult[],
  pick: KeywordSearchOptions["pick"],
): KeywordSearchResult {
  let hit: KeywordHit | undefined;
  let closest: KeywordHit | undefined;
  for (const i of members) {
    const result = found[i] as KeywordSearchResult;
    if (result.hit !== undefined && (hit === undefined || better(result.hit, hit, pick))) hit = result.hit;
    if (result.closest !== undefined && (closest === undefined || better(result.closest, closest, "best"))) closest = result.closest;
  }
  return hit !== undefined ? { hit } : closest !== undefined ? { closest } : {};
}

function better(candidate: KeywordHit, current: KeywordHit, pick: KeywordSearchOptions["pick"]): boolean {
  if (pick === "first") return candidate.start < current.start;
  return candidate.similarity > current.similarity || (candidate.similarity === current.similarity && candidate.start < current.start);
}
