import type { ArithmeticCheck, Span } from "@/lib/aqa";
import type { AnswerAnalysis } from "./answer-analysis";

export type RationaleMarkKind =
  | "difficulty"
  | "judge-score"
  | "final-score"
  | "sub-action"
  | "arithmetic-ok"
  | "arithmetic-flag"
  | "flagged-statement";

export interface RationaleMark {
  kind: RationaleMarkKind;
  span: Span;
  /** What the mark means, for a tooltip. */
  title: string;
}

/** An arithmetic inconsistency, shown inline right after the claim it concerns. */
interface RationaleFlag {
  /** 1-based, in reading order. */
  number: number;
  claim: Span;
  statement: Span;
  sentence: string;
  message: string;
}

/** A run of the rationale carrying the same marks; flags whose claim ends here follow it. */
export interface RationalePiece {
  text: string;
  start: number;
  end: number;
  marks: RationaleMark[];
  flagsAfter: RationaleFlag[];
}

export interface MarkedRationale {
  pieces: RationalePiece[];
  flags: RationaleFlag[];
  checks: number;
}

/** The numbers and sub-actions the extractor found, and each recomputed claim, as marks over the text. */
export function rationaleMarks(text: string, { claims, arithmetic }: AnswerAnalysis): RationaleMark[] {
  const marks: RationaleMark[] = [];
  for (const mention of claims.difficultyMentions) {
    const used = mention.span.start === claims.difficulty?.span.start;
    marks.push({
      kind: "difficulty",
      span: mention.span,
      title: `${used ? "predicted difficulty" : "difficulty mentioned"}: ${mention.literal}`,
    });
  }
  for (const item of claims.judgeScores?.items ?? []) {
    marks.push({ kind: "judge-score", span: item.span, title: `judge's mark: ${item.literal}` });
  }
  for (const mention of claims.finalScoreMentions) {
    const used = mention.span.start === claims.finalScore?.span.start;
    marks.push({
      kind: "final-score",
      span: mention.span,
      title: `${used ? "predicted final score" : "score mentioned"}: ${mention.literal}`,
    });
  }
  for (const action of claims.subActions) {
    marks.push({ kind: "sub-action", span: action.span, title: `sub-action: ${action.name}` });
  }
  for (const check of arithmetic.checks) {
    if (check.ok) {
      marks.push({
        kind: "arithmetic-ok",
        span: check.claim.span,
        title: `checked: ${check.rule} gives ${check.recomputedAtClaimPrecision}`,
      });
    } else {
      marks.push({ kind: "flagged-statement", span: check.statement.span, title: `inconsistent: ${flagMessage(check)}` });
      marks.push({ kind: "arithmetic-flag", span: check.claim.span, title: flagMessage(check) });
    }
  }
  return marks.filter((m) => m.span.start < m.span.end && m.span.start >= 0 && m.span.end <= text.length);
}

function rationaleFlags(arithmetic: AnswerAnalysis["arithmetic"]): RationaleFlag[] {
  return arithmetic.flags.map((check, i) => ({
    number: i + 1,
    claim: check.claim.span,
    statement: check.statement.span,
    sentence: check.sentence.text,
    message: flagMessage(check),
  }));
}

function flagMessage(check: ArithmeticCheck): string {
  return `stated ${check.claim.text}, but ${check.rule} gives ${check.recomputedAtClaimPrecision}`;
}

/** Cuts the text at every mark boundary; each piece lists the marks covering it. */
export function markRationale(text: string, analysis: AnswerAnalysis): MarkedRationale {
  const marks = rationaleMarks(text, analysis);
  const flags = rationaleFlags(analysis.arithmetic);
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.span.start, m.span.end])])].sort((a, b) => a - b);
  const pieces: RationalePiece[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const start = cuts[i - 1] ?? 0;
    const end = cuts[i] ?? text.length;
    if (end <= start) continue;
    pieces.push({
      text: text.slice(start, end),
      start,
      end,
      marks: marks.filter((m) => m.span.start <= start && end <= m.span.end),
      flagsAfter: flags.filter((f) => f.claim.end === end),
    });
  }
  return { pieces, flags, checks: analysis.arithmetic.checks.length };
}
