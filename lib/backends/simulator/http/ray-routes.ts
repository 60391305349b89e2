/** The Ray Jobs REST routes (dashboard API): submit, inspect, logs, stop, delete, list. */
import type { ServerResponse } from "node:http";
import { DuplicateSubmissionError, rayJobSubmitSchema } from "../ray-jobs";
import type { SimulatorState } from "../simulator-state";
import { describeZodError, sendJson, sendText } from "./http-io";

function jobNotFound(res: ServerResponse, id: string): void {
  sendText(res, 404, `Job ${id} does not exist`);
}

export function rayVersion(res: ServerResponse): void {
  sendJson(res, 200, { version: "2", ray_version: "2.40.0", ray_commit: "simulator", session_name: "session_vstar_simulator" });
}

export function submitJob(state: SimulatorState, res: ServerResponse, body: unknown): void {
  const parsed = rayJobSubmitSchema.safeParse(body);
  if (!parsed.success) return sendText(res, 400, `Bad Request: invalid job submission: ${describeZodError(parsed.error)}`);
  try {
    sendJson(res, 200, state.jobs.submit(parsed.data));
  } catch (error) {
    if (!(error instanceof DuplicateSubmissionError)) throw error;
    sendText(
      res,
      400,
      `Traceback (most recent call last):\n  File "job_manager.py", line 528, in submit_job\nValueError: ${error.message}`,
    );
  }
}

export function listJobs(state: SimulatorState, res: ServerResponse): void {
  sendJson(res, 200, state.jobs.list());
}

export function jobDetails(state: SimulatorState, res: ServerResponse, id: string): void {
  const details = state.jobs.details(id);
  if (!details) return jobNotFound(res, id);
  sendJson(res, 200, details);
}

export function jobLogs(state: SimulatorState, res: ServerResponse, id: string): void {
  const logs = state.jobs.logs(id);
  if (logs === undefined) return jobNotFound(res, id);
  sendJson(res, 200, { logs });
}

export function stopJob(state: SimulatorState, res: ServerResponse, id: string): void {
  const stopped = state.jobs.stop(id);
  if (stopped === undefined) return jobNotFound(res, id);
  sendJson(res, 200, { stopped });
}

export function deleteJob(state: SimulatorState, res: ServerResponse, id: string): void {
  const result = state.jobs.delete(id);
  if (!result) return jobNotFound(res, id);
  if ("error" in result) return sendText(res, 400, result.error);
  sendJson(res, 200, result);
}
