// FineDiving action-quality assessment: answer extraction, arithmetic checks, scoring rules, dive
// numbers and metrics. Free of Next.js, React and Prisma.

export type { Span, Sentence } from "./span";
export { splitSentences } from "./span";
export type { NumberMention } from "./numeric-literals";
export { decimalsOf } from "./precision";

export {
  SUB_ACTION_VOCABULARY,
  KNOWN_DATASET_SUB_ACTIONS,
  DATASET_SUB_ACTION_TABLE_SIZE,
  TAKEOFF_NAMES,
  SOMERSAULT_POSITIONS,
  canonicalSubActionName,
  findSubActionType,
  somersaultName,
  twistName,
} from "./sub-action-vocabulary";
export type { SubActionType, SubActionKind, SomersaultPosition } from "./sub-action-vocabulary";
export { extractSubActions, subActionSequence } from "./sub-action-extraction";
export type { SubActionMention, SubActionExtractionOptions } from "./sub-action-extraction";
export { extractDifficultyClaims, extractJudgeScores, extractFinalScoreClaims } from "./score-claims";
export type { NumericClaim, JudgeScoresClaim } from "./score-claims";
export { extractAqaClaims } from "./aqa-claims";
export type { AqaClaims } from "./aqa-claims";

export { PANEL_RULES, panelRuleFor, computeDiveScore } from "./scoring-rules";
export type { PanelRule, PanelRuleId, DiveScoreComputation } from "./scoring-rules";
export { checkRecordedScore, RecordedScoreInput, RECORDED_SCORE_DECIMALS, RECORDED_SCORE_TOLERANCE } from "./recorded-score-check";
export type { DataQualityWarning, DataQualityWarningCode } from "./recorded-score-check";
export { checkRationaleArithmetic } from "./arithmetic-check";
export type { ArithmeticCheck, ArithmeticReport } from "./arithmetic-check";
export type { ArithmeticKind } from "./arithmetic-statements";

export { decodeDiveNumber, tryDecodeDiveNumber, InvalidDiveNumberError } from "./dive-number";
export type { DecodedDive, DiveDecoding, DiveGroupName, DiveDirection, DivePosition } from "./dive-number";
export {
  buildDifficultyTable,
  checkDifficultyForDive,
  diveNumberKey,
  sameDifficulty,
  DifficultyRecord,
  DIFFICULTY_TOLERANCE,
} from "./difficulty-table";
export type { DifficultyTable, DifficultyCheck, DifficultyCheckStatus } from "./difficulty-table";

export {
  spearmanRho,
  relativeL2,
  relativeL2Reported,
  RELATIVE_L2_REPORT_SCALE,
  difficultyAccuracy,
  sequenceAccuracy,
  sameSequence,
  arithmeticErrorShare,
} from "./metrics";
export { pairedBootstrap, seededRandom, DEFAULT_BOOTSTRAP_RESAMPLES } from "./bootstrap";
export type { BootstrapInterval, BootstrapOptions } from "./bootstrap";
export { FINEDIVING_PUBLISHED_ANCHORS } from "./anchors";
export { evaluateAqa, evaluationItemFromAnswer, AqaEvaluationItem } from "./evaluation";
export type { AqaEvaluationReport } from "./evaluation";
