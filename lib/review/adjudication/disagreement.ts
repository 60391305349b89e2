import type { AuditVerdict } from "../constants";

interface Span {
  start: number;
  end: number;
}

/** One rater's submitted judgement of an item, as far as disagreement is concerned. */
export interface RaterJudgement {
  verdict: AuditVerdict | null;
  spans: readonly Span[];
}

/** What raters of one item disagree on. */
export type DisagreementKind = "verdict" | "spans";

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Two raters agree on where an answer hallucinates when neither marked a span, or when some span
 * of one overlaps some span of the other. One marking spans and the other none, or both marking
 * spans that never overlap, is a disagreement.
 */
export function spansAgree(a: readonly Span[], b: readonly Span[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  return a.some((spanA) => b.some((spanB) => overlaps(spanA, spanB)));
}

/**
 * Where an item's raters disagree (empty: they agree, or fewer than two judged it):
 * - "verdict": they gave different verdicts (any two of the four, unsure included);
 * - "spans": some pair of raters does not agree on spans (see spansAgree).
 */
export function disagreementsOf(judgements: readonly RaterJudgement[]): DisagreementKind[] {
  if (judgements.length < 2) return [];
  const kinds: DisagreementKind[] = [];
  const verdicts = new Set(judgements.flatMap((judgement) => (judgement.verdict === null ? [] : [judgement.verdict])));
  if (verdicts.size > 1) kinds.push("verdict");
  const pairDisagrees = judgements.some((a, i) => judgements.slice(i + 1).some((b) => !spansAgree(a.spans, b.spans)));
  if (pairDisagrees) kinds.push("spans");
  return kinds;
}
