import { extractAqaClaims, type AqaClaims } from "./aqa-claims";
import {
  findReferencedAverages,
  findVerbalArithmetic,
  findWrittenArithmetic,
  type ArithmeticKind,
  type ArithmeticStatement,
} from "./arithmetic-statements";
import { agreesAtStatedPrecision, Dec, roundHalfUp } from "./precision";
import { computeDiveScoreExact } from "./scoring-rules";
import { sentenceContaining, splitSentences, type Sentence, type Span } from "./span";

/** One recomputed claim of a rationale. */
export interface ArithmeticCheck {
  kind: ArithmeticKind;
  /** What was recomputed, and by which rule. */
  rule: string;
  ok: boolean;
  /** The sentence holding the claim. */
  sentence: Sentence;
  /** The whole arithmetic statement ("the average of 2.5, 3.4, 3.4, 3.4 is 3.4"). */
  statement: { text: string; span: Span };
  /** The claimed number as written. */
  claim: { text: string; span: Span };
  claimed: number;
  /** Decimal places the claim was written with: the precision it is compared at. */
  decimals: number;
  hedged: boolean;
  operands: number[];
  recomputed: number;
  /** The recomputed value rounded half up to the claim's precision ("3.2"). */
  recomputedAtClaimPrecision: string;
}

export interface ArithmeticReport {
  checks: ArithmeticCheck[];
  /** The checks that failed: the inconsistencies. */
  flags: ArithmeticCheck[];
}

/**
 * Recomputes every numeric claim of a rationale: written arithmetic ("3.2 × 25.5 = 81.6"), averages,
 * sums and products in words, averages of values listed earlier, and the final score against the
 * judges' panel rule when the rationale states judges, a difficulty and a final score.
 *
 * Tolerance: a claim written with d decimals is correct when the recomputed value rounded half up to d
 * decimals equals it ("3.2" accepts 3.2333; "3.4" rejects 3.175). Hedged claims ("about 80") may be
 * one unit of their last digit off.
 */
export function checkRationaleArithmetic(text: string, claims: AqaClaims = extractAqaClaims(text)): ArithmeticReport {
  const sentences = splitSentences(text);
  const statements = uniqueByClaim([...findWrittenArithmetic(text), ...findVerbalArithmetic(text)]);
  const referenced = findReferencedAverages(text, statements);
  const judgeRule = judgeRuleStatement(claims, text);
  const all = [...statements, ...referenced, ...(judgeRule ? [judgeRule] : [])].sort((a, b) => a.claim.span.start - b.claim.span.start);
  const checks = all.map((s) => toCheck(s, text, sentences));
  return { checks, flags: checks.filter((c) => !c.ok) };
}

function toCheck(statement: ArithmeticStatement, text: string, sentences: readonly Sentence[]): ArithmeticCheck {
  const { claim, recomputed, hedged } = statement;
  const claimed = new Dec(claim.literal);
  const sentence = sentenceContaining(sentences, claim.span.start) ?? {
    text: text.slice(statement.phrase.span.start, statement.phrase.span.end),
    span: statement.phrase.span,
  };
  return {
    kind: statement.kind,
    rule: statement.rule,
    ok: agreesAtStatedPrecision(claimed, claim.decimals, recomputed, hedged),
    sentence,
    statement: statement.phrase,
    claim: { text: claim.literal, span: claim.span },
    claimed: claim.value,
    decimals: claim.decimals,
    hedged,
    operands: statement.operands,
    recomputed: recomputed.toNumber(),
    recomputedAtClaimPrecision: roundHalfUp(recomputed, claim.decimals).toFixed(claim.decimals),
  };
}

/** The stated final score against the panel rule applied to the stated judges and difficulty. */
function judgeRuleStatement(claims: AqaClaims, text: string): ArithmeticStatement | null {
  const { judgeScores, difficulty, finalScore } = claims;
  if (!judgeScores || !difficulty || !finalScore) return null;
  const computed = computeDiveScoreExact(judgeScores.values, difficulty.value);
  if (computed === null) return null;
  const start = Math.min(judgeScores.phrase.span.start, finalScore.phrase.span.start);
  const end = Math.max(judgeScores.phrase.span.end, finalScore.phrase.span.end);
  return {
    kind: "judge-rule",
    rule: `${computed.rule.description} (kept ${computed.kept.join(", ")}, difficulty ${difficulty.literal})`,
    operands: [...judgeScores.values, difficulty.value],
    recomputed: computed.value,
    claim: finalScore,
    hedged: finalScore.hedged,
    phrase: { text: text.slice(start, end), span: { start, end } },
  };
}

function uniqueByClaim(statements: ArithmeticStatement[]): ArithmeticStatement[] {
  const seen = new Set<number>();
  return statements.filter((s) => {
    if (seen.has(s.claim.span.start)) return false;
    seen.add(s.claim.span.start);
    return true;
  });
}
