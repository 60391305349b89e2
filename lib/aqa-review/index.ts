// The PI's review of FineDiving action-quality explanations: per-dive figures and per-cycle metrics
// over a cycle's generations (lib/aqa does the extraction, checks and statistics), run trends,
// sign-offs with their audit trail, and the CSV report. Repository modules alone touch the database.

export { AQA_MODES, AQA_MODE_LABELS, type AqaMode } from "./aqa-modes";
export { analyseAnswer, type AnswerAnalysis } from "./answer-analysis";
export { askedTargets, type AskedTargets } from "./asked-targets";
export { DiveLabelValue, DiveLabelError, parseDiveLabel } from "./dive-label";
export { diveFigures, evaluationItem } from "./dive-figures";
export type { AqaGenerationRecord, DiveFigures, ArithmeticFlagSummary } from "./dive-figures";
export { cycleMetrics, DEFAULT_METRIC_BOOTSTRAP, type CycleMetrics, type MetricInterval } from "./cycle-metrics";
export { markRationale, rationaleMarks, rationaleFlags } from "./rationale-marks";
export type { MarkedRationale, RationaleFlag, RationaleMark, RationaleMarkKind, RationalePiece } from "./rationale-marks";
export { diveTimeline, type DiveTimeline, type TimelineSegment, type PredictedSegment } from "./dive-timeline";
export type { ReviewProblem } from "./generation-records";

export { cycleDashboard, cycleHeader, loadCycleFigures } from "./cycle-review";
export type { CycleDashboard, CycleFigures, CycleHeader, ScorePoint } from "./cycle-review";
export { runTrend, type RunTrend, type TrendPoint } from "./run-trend";
export { cycleDivesPage, cycleDiveRows, matchesFilter, CycleDivesQuery } from "./cycle-dives";
export type { CycleDivesPage, DiveRow } from "./cycle-dives";
export { DIVE_FILTERS, DIVE_FILTER_LABELS, type DiveFilter } from "./dive-filters";
export { diveReview, type DiveReview, type DiveReviewResult } from "./dive-review";
export { listAqaRuns } from "./aqa-repository";

export { SIGN_OFF_DECISIONS, type SignOffDecision } from "./sign-off-repository";
export { SignOffInput, signOffExplanation, explanationSignOffs } from "./sign-off-service";
export type { SignOffView, SignOffSummary } from "./sign-off-view";

export { CycleParams, RunParams, GenerationParams, ModeQuery } from "./request-schemas";

export { REPORT_COLUMNS, reportRow, reportCsvStream, type ReportRow, type ReportColumn } from "./report-csv";
export { cycleReportCsv, reportFileName } from "./report-service";
