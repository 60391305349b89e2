import { Dec, decimalFromNumber } from "./precision";

/**
 * FineDiving's panel rules, by the number of judge scores a record carries (checked on the dataset's
 * 3,000 records, see DESIGN.md):
 * - 7 (individual events): drop the 2 highest and 2 lowest, sum the remaining 3, × difficulty;
 * - 5 (synchronised events): sum × difficulty × 0.6;
 * - 3 (the middle three only): sum × difficulty.
 */
export type PanelRuleId = "individual-7" | "synchronised-5" | "middle-3";

export interface PanelRule {
  id: PanelRuleId;
  judges: number;
  description: string;
}

const PANEL_RULES: Readonly<Record<number, PanelRule>> = {
  7: {
    id: "individual-7",
    judges: 7,
    description: "7 judges: drop the 2 highest and 2 lowest, sum the remaining 3, × difficulty",
  },
  5: { id: "synchronised-5", judges: 5, description: "5 scores (synchronised): sum × difficulty × 0.6" },
  3: { id: "middle-3", judges: 3, description: "3 scores (the middle three): sum × difficulty" },
};

function panelRuleFor(judgeCount: number): PanelRule | null {
  return PANEL_RULES[judgeCount] ?? null;
}

export interface DiveScoreComputation {
  rule: PanelRule;
  /** The scores the rule keeps, in ascending order. */
  kept: number[];
  keptSum: number;
  /** The dive score, exact as a decimal string ("75.20" style trailing zeros dropped). */
  exact: string;
  value: number;
}

/** The dive score the panel rule gives, or null when no rule covers this many scores. */
export function computeDiveScore(judgeScores: readonly number[], difficulty: number): DiveScoreComputation | null {
  const exact = computeDiveScoreExact(judgeScores, difficulty);
  if (exact === null) return null;
  return {
    rule: exact.rule,
    kept: exact.kept,
    keptSum: exact.keptSum.toNumber(),
    exact: exact.value.toString(),
    value: exact.value.toNumber(),
  };
}

export function computeDiveScoreExact(
  judgeScores: readonly number[],
  difficulty: number,
): { rule: PanelRule; kept: number[]; keptSum: Dec; value: Dec } | null {
  const rule = panelRuleFor(judgeScores.length);
  if (rule === null) return null;
  const sorted = [...judgeScores].sort((a, b) => a - b);
  const kept = rule.id === "individual-7" ? sorted.slice(2, 5) : sorted;
  const keptSum = kept.reduce((sum, s) => sum.plus(decimalFromNumber(s)), new Dec(0));
  const scaled = keptSum.times(decimalFromNumber(difficulty));
  const value = rule.id === "synchronised-5" ? scaled.times("0.6") : scaled;
  return { rule, kept, keptSum, value };
}
