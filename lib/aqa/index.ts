// FineDiving action-quality assessment: answer extraction, arithmetic checks, scoring rules, dive
// numbers and metrics. Free of Next.js, React and Prisma.

export type { Span } from "./span";

export { canonicalSubActionName } from "./sub-action-vocabulary";
export { extractAqaClaims } from "./aqa-claims";
export type { AqaClaims } from "./aqa-claims";

export { computeDiveScore } from "./scoring-rules";
export type { PanelRuleId } from "./scoring-rules";
export { checkRecordedScore } from "./recorded-score-check";
export { checkRationaleArithmetic } from "./arithmetic-check";
export type { ArithmeticCheck, ArithmeticReport } from "./arithmetic-check";

export { tryDecodeDiveNumber } from "./dive-number";
export {
  buildDifficultyTable,
  checkDifficultyForDive,
  sameDifficulty,
} from "./difficulty-table";
export type { DifficultyTable, DifficultyCheck, DifficultyCheckStatus } from "./difficulty-table";

export { sameSequence } from "./metrics";
export type { BootstrapInterval, BootstrapOptions } from "./bootstrap";
export { FINEDIVING_PUBLISHED_ANCHORS } from "./anchors";
export { evaluateAqa, AqaEvaluationItem } from "./evaluation";
