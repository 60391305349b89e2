import type { PostCycleCancelResponse } from "@/app/api/cycles/[id]/cancel/route";
import type { PostCycleResumeResponse } from "@/app/api/cycles/[id]/resume/route";
import { apiFetch } from "../../api-client";

/** The cycle engine's commands (app/api/cycles): cancel and resume act on a run's current cycle. */
export const cycleActions = {
  cancel: (runId: number) => apiFetch<PostCycleCancelResponse>(`/api/cycles/${runId}/cancel`, { method: "POST" }),
  /** Without reasons every given-up item of the stopped stage is retried; with them, only those. */
  resume: (runId: number, reasons?: string[]) =>
    apiFetch<PostCycleResumeResponse>(`/api/cycles/${runId}/resume`, {
      method: "POST",
      body: reasons ? JSON.stringify({ reasons }) : undefined,
    }),
};
