import { z } from "zod";
import { decimalFromNumber, roundHalfUp } from "./precision";
import { computeDiveScoreExact, type PanelRuleId } from "./scoring-rules";

const RecordedScoreInput = z.object({
  judgeScores: z.array(z.number().finite()).min(1),
  difficulty: z.number().finite().positive(),
  diveScore: z.number().finite(),
});

type DataQualityWarningCode = "score-disagrees-with-judges" | "unsupported-panel-size" | "invalid-record";

/** A data-quality warning: the record is kept (its dive_score stays the ground truth), but flagged. */
export interface DataQualityWarning {
  code: DataQualityWarningCode;
  message: string;
  rule?: PanelRuleId;
  recorded?: number;
  /** The rule's score rounded half up to 2 decimals. */
  expected?: number;
}

/** Dive scores are official to 2 decimals. */
const RECORDED_SCORE_DECIMALS = 2;
/** A recorded score agrees with its judges when it is within 0.01 of the rule's exact result. */
const RECORDED_SCORE_TOLERANCE = 0.01;

/**
 * Checks a FineDiving record's dive_score against its judges and difficulty. Returns null when they
 * agree to 0.01 (|recorded − rule result| ≤ 0.01, the last-digit noise of official scores), a warning
 * otherwise. Never throws: malformed input is itself reported as a warning.
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
  const difference = computed.value.minus(decimalFromNumber(diveScore)).abs();
  if (difference.lte(decimalFromNumber(RECORDED_SCORE_TOLERANCE))) return null;
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
