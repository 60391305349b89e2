/**
 * FineDiving's score rules, checked against the recorded `dive_score` only to flag data-quality
 * warnings (the recorded score stays the ground truth):
 *   7 judges (individual): drop the 2 highest and 2 lowest, sum the middle 3, × difficulty
 *   5 judges (synchronised): sum × difficulty × 0.6
 *   3 scores (the middle three only): sum × difficulty
 */
export interface ScoreCheck {
  expected: number | null;
  rule: string;
}

export const SCORE_TOLERANCE = 0.01;

export function expectedDiveScore(judgeScores: readonly number[], difficulty: number): ScoreCheck {
  const sorted = [...judgeScores].sort((a, b) => a - b);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  switch (sorted.length) {
    case 7:
      return { expected: round2(sum(sorted.slice(2, 5)) * difficulty), rule: "7 judges: middle 3 × difficulty" };
    case 5:
      return { expected: round2(sum(sorted) * difficulty * 0.6), rule: "5 judges: sum × difficulty × 0.6" };
    case 3:
      return { expected: round2(sum(sorted) * difficulty), rule: "3 scores: sum × difficulty" };
    default:
      return { expected: null, rule: `${sorted.length} judge scores: no known rule` };
  }
}

/** A warning text when the recorded score disagrees with the judges, else null. */
export function scoreDisagreement(judgeScores: readonly number[], difficulty: number, diveScore: number): string | null {
  const { expected, rule } = expectedDiveScore(judgeScores, difficulty);
  if (expected === null) return `cannot check the score: ${rule}`;
  if (Math.abs(expected - diveScore) <= SCORE_TOLERANCE + 1e-9) return null;
  return `recorded dive_score ${diveScore} differs from ${expected} (${rule}); the recorded score is kept`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
