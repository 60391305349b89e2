import { checkRecordedScore, computeDiveScore } from "@/lib/aqa";

/**
 * FineDiving's panel rules (lib/aqa), as the importer uses them: the recorded `dive_score` stays the
 * ground truth, and a disagreement with the judges is a data-quality warning, never a rejection.
 */
export interface ScoreCheck {
  expected: number | null;
  rule: string;
}

export function expectedDiveScore(judgeScores: readonly number[], difficulty: number): ScoreCheck {
  const computed = computeDiveScore(judgeScores, difficulty);
  if (!computed) return { expected: null, rule: `no scoring rule for ${judgeScores.length} judge scores` };
  return { expected: Math.round(computed.value * 100) / 100, rule: computed.rule.description };
}

/** The warning text when the recorded score disagrees with the judges, else null. */
export function scoreDisagreement(judgeScores: readonly number[], difficulty: number, diveScore: number): string | null {
  const warning = checkRecordedScore({ judgeScores: [...judgeScores], difficulty, diveScore });
  return warning ? `${warning.message}; the recorded score is kept` : null;
}
