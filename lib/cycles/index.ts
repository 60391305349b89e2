/**
 * The Video-STaR cycle engine (paper §3, appendix A): generate → verify → rationalize → curate →
 * export → train → evaluate, as pg-boss batch jobs, restartable at any point. See README.md.
 */
export { ANSWER_PROMPT, RATIONALIZATION_PROMPT, renderPrompt } from "./prompts";
export { labelText } from "./label-text";
export { cycleConfigSchema, parseCycleConfig, type CycleConfig, type CycleConfigInput } from "./config";
export { cyclePlanSchema, parseCyclePlan, type CyclePlan, type Selection } from "./plan";
export {
  CYCLE_STATUSES,
  STAGES,
  STAGES_OF,
  TERMINAL_STATUSES,
  canTransition,
  isTerminal,
  nextStatus,
  resumeStatus,
  type CycleStatus,
  type Stage,
} from "./state-machine";
export { decideFinal, type StopDecision, type StopRule } from "./stop-rule";
export { launchRun, cancelRun, resumeRun, type ResumeOptions } from "./launch";
export { runStatus, type RunStatus, type StageProgress } from "./status";
export { listRuns } from "./db/run-repository";
export { advanceCycle, type AdvanceResult } from "./engine/advance";
export { tickCycle, nudgeCycle } from "./engine/tick";
export { jobSender, stopJobSender, PgBossJobSender, QUEUE_OF_STAGE, type JobSender } from "./engine/job-sender";
export { setVideoUrlResolver, videoUrl, type VideoUrlResolver } from "./engine/video-url";
export { runStageBatch, type BatchReport } from "./stages/run-batch";
export { requestExport, runExportJob, exportRequestSchema, type ExportRequest } from "./exports/request-export";
export { exportDirectory } from "./exports/write-export";
export { adapterServedName } from "./engine/training-poll";
