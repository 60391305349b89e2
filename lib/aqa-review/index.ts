// The PI's review of FineDiving action-quality explanations: per-dive figures and per-cycle metrics
// over a cycle's generations (lib/aqa does the extraction, checks and statistics), run trends,
// sign-offs with their audit trail, and the CSV report. Repository modules alone touch the database.

export { AQA_MODES, AQA_MODE_LABELS } from "./aqa-modes";

export { cycleDashboard, cycleHeader, loadCycleFigures } from "./cycle-review";
export { runTrend } from "./run-trend";
export { cycleDivesPage, cycleDiveRows, CycleDivesQuery } from "./cycle-dives";
export { diveReview } from "./dive-review";
export { listAqaRuns } from "./aqa-repository";

export { SignOffInput, signOffExplanation, explanationSignOffs } from "./sign-off-service";

export { CycleParams, RunParams, GenerationParams, ModeQuery } from "./request-schemas";

export { REPORT_COLUMNS } from "./report-csv";
export { cycleReportCsv, reportFileName } from "./report-service";
