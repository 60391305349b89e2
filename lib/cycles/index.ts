/**
 * The Video-STaR cycle engine (paper §3, appendix A): generate → verify → rationalize → curate →
 * export → train → evaluate, as pg-boss batch jobs, restartable at any point. See README.md.
 */
export { launchRun, cancelRun, resumeRun } from "./launch";
export { runStatus } from "./status";
export { listRuns } from "./db/run-repository";
export { advanceCycle } from "./engine/advance";
export { tickCycle, nudgeCycle } from "./engine/tick";
export { jobSender, type JobSender } from "./engine/job-sender";
export { setVideoUrlResolver } from "./engine/video-url";
export { runStageBatch } from "./stages/run-batch";
export { requestExport, runExportJob, exportRequestSchema } from "./exports/request-export";
