import { z } from "zod";
import { FINEDIVING_PUBLISHED_ANCHORS } from "./anchors";
import { extractAqaClaims } from "./aqa-claims";
import { checkRationaleArithmetic } from "./arithmetic-check";
import { pairedBootstrap, type BootstrapInterval, type BootstrapOptions } from "./bootstrap";
import { difficultyAccuracy, relativeL2Reported, sequenceAccuracy, spearmanRho } from "./metrics";
import type { SubActionExtractionOptions } from "./sub-action-extraction";

/** One answered FineDiving question: what the model said against the record. */
export const AqaEvaluationItem = z.object({
  trueScore: z.number().finite(),
  /** null when the answer states no final score. */
  predictedScore: z.number().finite().nullable(),
  trueDifficulty: z.number().finite().optional(),
  predictedDifficulty: z.number().finite().nullable().optional(),
  trueSequence: z.array(z.string()).optional(),
  predictedSequence: z.array(z.string()).nullable().optional(),
  /** Arithmetic inconsistencies found in the rationale (undefined: not checked). */
  arithmeticFlags: z.number().int().nonnegative().optional(),
});
export type AqaEvaluationItem = z.infer<typeof AqaEvaluationItem>;

/** Answers stating a score that ρ and relative L2 need at the least. */
const MIN_SCORED_ANSWERS = 2;

/**
 * The one rule for the score figures: why ρ or relative L2 cannot be computed over these scored
 * answers (null when it can). Both need at least two answers stating a score, over dives whose true
 * scores differ (relative L2 divides by their range; ρ ranks against them); ρ also needs the stated
 * scores to differ.
 */
function scoredFigureGap(
  predicted: readonly number[],
  truth: readonly number[],
): { spearman: string | null; relativeL2x100: string | null } {
  const n = truth.length;
  const common =
    n < MIN_SCORED_ANSWERS
      ? `needs at least ${MIN_SCORED_ANSWERS} answers that state a score; ${n === 0 ? "none does" : n === 1 ? "1 does" : `${n} do`}`
      : new Set(truth).size < 2
        ? `the ${n} scored dives all have the same true score: nothing to compare against`
        : null;
  const spread = common ?? (new Set(predicted).size < 2 ? `all ${n} answers state the same score: ρ is undefined` : null);
  return { spearman: spread, relativeL2x100: common };
}

export interface AqaEvaluationReport {
  items: number;
  /** Items whose answer states a final score; ρ and relative L2 are computed over these only. */
  scored: number;
  spearman: BootstrapInterval | null;
  /** Relative L2 × 100, as FineDiving reports it. */
  relativeL2x100: BootstrapInterval | null;
  /** Why a score figure is null (scoredFigureGap), null when it was computed. */
  unavailable: { spearman: string | null; relativeL2x100: string | null };
  /** Null when no item carries a true difficulty (or a true sequence, or an arithmetic check). */
  difficultyAccuracy: number | null;
  sequenceAccuracy: number | null;
  arithmeticErrorShare: number | null;
  anchors: typeof FINEDIVING_PUBLISHED_ANCHORS;
}

/** Validates items (throwing with the item index and field) and computes every AQA figure. */
export function evaluateAqa(items: readonly unknown[], options: BootstrapOptions = {}): AqaEvaluationReport {
  const parsed = items.map((raw, index) => {
    const result = AqaEvaluationItem.safeParse(raw);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    throw new Error(`evaluation item ${index}: ${issue?.path.join(".") || "item"}: ${issue?.message ?? "invalid"}`);
  });
  const scored = parsed.flatMap((i) => (i.predictedScore === null ? [] : [{ p: i.predictedScore, t: i.trueScore }]));
  const predicted = scored.map((s) => s.p);
  const truth = scored.map((s) => s.t);
  const unavailable = scoredFigureGap(predicted, truth);
  const withDifficulty = parsed.flatMap((i) =>
    i.trueDifficulty === undefined ? [] : [{ predicted: i.predictedDifficulty ?? null, truth: i.trueDifficulty }],
  );
  const withSequence = parsed.flatMap((i) =>
    i.trueSequence === undefined ? [] : [{ predicted: i.predictedSequence ?? null, truth: i.trueSequence }],
  );
  const checked = parsed.flatMap((i) => (i.arithmeticFlags === undefined ? [] : [i.arithmeticFlags]));
  return {
    items: parsed.length,
    scored: scored.length,
    spearman: unavailable.spearman === null ? pairedBootstrap(spearmanRho, predicted, truth, options) : null,
    relativeL2x100: unavailable.relativeL2x100 === null ? pairedBootstrap(relativeL2Reported, predicted, truth, options) : null,
    unavailable,
    difficultyAccuracy: withDifficulty.length ? difficultyAccuracy(withDifficulty) : null,
    sequenceAccuracy: withSequence.length ? sequenceAccuracy(withSequence) : null,
    arithmeticErrorShare: checked.length ? checked.filter((n) => n > 0).length / checked.length : null,
    anchors: FINEDIVING_PUBLISHED_ANCHORS,
  };
}

/** Builds an evaluation item from an answer text and its record's ground truth. */
export function evaluationItemFromAnswer(
  answer: string,
  truth: { score: number; difficulty?: number; sequence?: readonly string[] },
  options: SubActionExtractionOptions = {},
): AqaEvaluationItem {
  const claims = extractAqaClaims(answer, options);
  return {
    trueScore: truth.score,
    predictedScore: claims.finalScore?.value ?? null,
    ...(truth.difficulty === undefined ? {} : { trueDifficulty: truth.difficulty }),
    predictedDifficulty: claims.difficulty?.value ?? null,
    ...(truth.sequence === undefined ? {} : { trueSequence: [...truth.sequence] }),
    predictedSequence: claims.sequence.length ? claims.sequence : null,
    arithmeticFlags: checkRationaleArithmetic(answer, claims).flags.length,
  };
}
