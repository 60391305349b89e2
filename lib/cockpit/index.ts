/**
 * The researcher's cockpit (issue 8): backends with encrypted credentials and health checks, the
 * launch estimate, live cycle progress, charts across cycles, the generations explorer and
 * exports. Server-side (repositories talk to the database); client components import the pure
 * modules directly (backends/backend-kinds, launch/json-schema, launch/config-values,
 * charts/chart-series, generations/explorer-filters).
 */
export * from "./backends";
export {
  listBackends,
  getBackend,
  createBackend,
  updateBackend,
  deleteBackend,
  getStoredBackend,
  runHealthCheck,
  type BackendView,
} from "./backends/backend-repository";
export {
  explorerQuerySchema,
  type ExplorerQuery,
  type ExplorerFilters,
  LABEL_TYPES,
  GENERATION_MODES,
  VERDICT_FILTERS,
  AUDIT_FILTERS,
} from "./generations/explorer-filters";
export { exploreGenerations, type GenerationPage, type GenerationRow } from "./generations/explorer-repository";
export { generationDetail, type GenerationDetail } from "./generations/generation-detail-repository";
export { estimateLaunch, type LaunchEstimate, type BackendHistory, type EstimateDataset, type EstimateSettings } from "./launch/estimate";
export { estimateForConfig, type LaunchIssue } from "./launch/estimate-repository";
export { launchFormModel, type LaunchFormModel } from "./launch/launch-form-model";
export { stageProgress, type StageProgress, type StageAggregate, type StageState } from "./cycles/stage-progress";
export { cycleProgress, cycleErrorGroups, type CycleProgress, type ErrorGroup } from "./cycles/cycle-progress-repository";
export { cycleTrainingRuns, type TrainingRunView } from "./cycles/training-runs-repository";
export { listCycles, listRuns, listDatasetNames, cycleLabel, type CycleSummary, type RunSummary } from "./cycles/cycle-list-repository";
export { cycleTrends, yieldPoints, auditPoints, evaluationPoints, usagePoints } from "./charts/trend-repository";
export type { CycleTrends, YieldPoint, AuditPoint, EvaluationPoint, UsagePoint, ChartCycle } from "./charts/trend-types";
export { compareCycles, type CycleComparison, type ComparedCycle } from "./charts/comparison-repository";
export { diffConfigs, type ConfigDifference } from "./charts/config-diff";
export { listExportViews, exportFile, type ExportView } from "./exports/export-list-repository";
