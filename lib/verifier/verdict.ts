import type { LabelType } from "@/lib/verifier/label-schemas";
import type { Span } from "@/lib/verifier/text/sentences";

/**
 * Scores are all "higher is closer", in [0, 1], so they combine by minimum:
 * keyword similarity (fuzz.ratio / 100), IoU, cosine, keyword coverage, 1 − relative error for
 * floats, 1 − |Δt| / (2 · tolerance) for timestamps, 1 or 0 for polarity and order.
 */
export type Comparison = ">=" | ">";

/** A label part found in the answer with a score that meets its threshold. */
interface MatchedPart {
  readonly matched: true;
  /** The label part: a keyword, an action's keyword, "value", "box", "interval", "time", "caption", "polarity". */
  readonly part: string;
  /** The larger unit the part belongs to (the action of a `sequence`), when there is one. */
  readonly group?: string;
  /** Index of the target (of the question's targets) this part belongs to. */
  readonly target: number;
  /** Offsets into the ORIGINAL answer: `answer.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly similarity: number;
  /** Human-readable account of the comparison, e.g. "79.2 vs 85.78: relative error 7.7%". */
  readonly detail?: string;
}

/** A label part the answer lacks, or whose best candidate falls short. */
interface UnmatchedPart {
  readonly matched: false;
  readonly part: string;
  readonly group?: string;
  readonly target: number;
  /** Why it is missing, e.g. `no answer word reaches 0.8 (closest "apples", 0.73)`. */
  readonly reason: string;
  /** The best candidate that fell short, when there was one. */
  readonly closest?: Span & { readonly similarity: number };
}

export type PartMatch = MatchedPart | UnmatchedPart;

/** The verdict on one target. */
export interface TargetVerdict {
  readonly labelType: LabelType;
  readonly passed: boolean;
  readonly score: number;
  readonly threshold: number;
  readonly comparison: Comparison;
  /** How it was decided, e.g. "class:keyword-fuzz-ratio", "caption:embedding:all-MiniLM-L6-v2", "caption:lexical-fallback". */
  readonly method: string;
  readonly matches: readonly PartMatch[];
}

/**
 * The verdict on a question (one or more targets): passed when every target passed, score the
 * lowest target score; `threshold`/`comparison` are those of the lowest-scoring target, `method`
 * joins the targets' methods, `matches` lists every target's parts (tagged with `target`).
 */
export interface Verdict {
  readonly passed: boolean;
  readonly score: number;
  readonly threshold: number;
  readonly comparison: Comparison;
  readonly method: string;
  readonly matches: readonly PartMatch[];
  readonly targets: readonly TargetVerdict[];
  readonly verifierVersion: string;
  readonly configHash: string;
}

/** Absorbs floating-point noise in computed scores (IoU, differences) at threshold edges. */
export const SCORE_EPSILON = 1e-9;

export function meetsThreshold(score: number, threshold: number, strict: boolean): boolean {
  return strict ? score > threshold + SCORE_EPSILON : score >= threshold - SCORE_EPSILON;
}

export function comparisonOf(strict: boolean): Comparison {
  return strict ? ">" : ">=";
}

export function combineTargetVerdicts(
  targets: readonly TargetVerdict[],
  provenance: { verifierVersion: string; configHash: string },
): Verdict {
  const only = targets.length === 1 ? targets[0] : undefined;
  if (only !== undefined) {
    const { passed, score, threshold, comparison, method, matches } = only;
    return { passed, score, threshold, comparison, method, matches, targets, ...provenance };
  }
  const weakest = targets.reduce<TargetVerdict | undefined>(
    (lowest, target) => (lowest === undefined || target.score < lowest.score ? target : lowest),
    undefined,
  );
  if (weakest === undefined) throw new Error("combineTargetVerdicts: a question needs at least one target");
  return {
    passed: targets.every((target) => target.passed),
    score: weakest.score,
    threshold: weakest.threshold,
    comparison: weakest.comparison,
    method: targets.map((target) => target.method).join(" + "),
    matches: targets.flatMap((target) => target.matches),
    targets,
    ...provenance,
  };
}

/** Rounds for human-readable details only (never for decisions). */
export function formatNumber(value: number, digits = 3): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(digits))) : String(value);
}

/** The parts of a target verdict fixed before any answer text is looked at. */
export type VerdictBasis = Pick<TargetVerdict, "labelType" | "threshold" | "comparison" | "method">;

/** A failed target verdict whose single part is missing from the answer for `reason`. */
export function missingTarget(basis: VerdictBasis, part: string, target: number, reason: string): TargetVerdict {
  return { ...basis, passed: false, score: 0, matches: [{ matched: false, part, target, reason }] };
}

/**
 * The part for the answer's best candidate (a number, box, range, time, sentence, statement):
 * matched with `detail` when it passed, otherwise unmatched with `reason` and the candidate as
 * the closest miss.
 */
export function candidatePart(candidate: {
  passed: boolean;
  part: string;
  target: number;
  span: Span;
  similarity: number;
  detail: string;
  reason: string;
}): PartMatch {
  const { passed, part, target, span, similarity, detail, reason } = candidate;
  const { start, end, text } = span;
  return passed
    ? { matched: true, part, target, start, end, text, similarity, detail }
    : { matched: false, part, target, reason, closest: { start, end, text, similarity } };
}
