import { z } from "zod";
import { agreesAtStatedPrecision, decimalFromNumber, roundHalfUp } from "./precision";
import { computeDiveScoreExact, type PanelRuleId } from "./scoring-rules";

export const RecordedScoreInput = z.object({
  judgeScores: z.array(z.number().finite()).min(1),
  difficulty: z.number().finite().positive(),
  diveScore: z.number().finite(),
});
export type RecordedScoreInput = z.infer<typeof RecordedScoreInput>;

export type DataQualityWarningCode = "score-disagrees-with-judges" | "unsupported-panel-size" | "invalid-record";

/** A data-quality warning: the record is kept (its dive_score stays the ground truth), but flagged. */
export interface DataQualityWarning {
  code: DataQualityWarningCode;
  message: string;
  rule?: PanelRuleId;
  recorded?: number;
  /** The rule's score rounded half up to 2 decimals. */
  expected?: number;
}

/** Dive scores are official to 2 decimals; a recorded score agrees when the rule's score rounds to it. */
export const RECORDED_SCORE_DECIMALS = 2;

/**
 * Checks a FineDiving record's dive_score against its judges and difficulty. Returns null when they
 * agree to 0.01 (rule result rounded half up to 2 decimals equals the recorded score at 2 decimals), a
 * warning otherwise. Never throws: malformed input is itself reported as a warning.
 */
export function checkRecordedScore(input: unknown): DataQualityWarning | null {
  const parsed = RecordedScoreInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "record";
    return { code: "invalid-record", message: `cannot check the recorded score: ${where}: ${issue?.message ?? "invalid"}` };
  }
  const { judgeScores, difficulty, diveScore } = parsed.data;
  const computed = computeDiveScoreExact(judgeScores, difficulty);
  if (computed === null) {
    return {
      code: "unsupported-panel-size",
      message: `no scoring rule for ${judgeScores.length} judge scores (rules exist for 7, 5 and 3)`,
      recorded: diveScore,
    };
  }
  const recorded = roundHalfUp(decimalFromNumber(diveScore), RECORDED_SCORE_DECIMALS);
  if (agreesAtStatedPrecision(recorded, RECORDED_SCORE_DECIMALS, computed.value)) return null;
  const expected = roundHalfUp(computed.value, RECORDED_SCORE_DECIMALS).toNumber();
  return {
    code: "score-disagrees-with-judges",
    message:
      `recorded dive_score ${diveScore} disagrees with the judges: ${computed.rule.description} gives ` +
      `${expected} (kept ${computed.kept.join(", ")}, difficulty ${difficulty})`,
    rule: computed.rule.id,
    recorded: diveScore,
    expected,
  };
}
