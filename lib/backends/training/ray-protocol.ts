import { z } from "zod";

/** Ray Jobs REST API (dashboard, default port 8265) request and reply shapes. */

export interface RaySubmitRequestBody {
  entrypoint: string;
  submission_id: string;
  runtime_env: Record<string, unknown>;
  /** Ray requires string values. */
  metadata: Record<string, string>;
  entrypoint_num_gpus: number;
}

export const raySubmitResponseSchema = z.object({
  job_id: z.string().min(1),
  submission_id: z.string().min(1).optional(),
});

const rayJobStatusSchema = z.enum(["PENDING", "RUNNING", "STOPPED", "SUCCEEDED", "FAILED"]);

export const rayJobDetailsSchema = z.object({
  type: z.string().optional(),
  job_id: z.string().nullable().optional(),
  submission_id: z.string().nullable().optional(),
  status: rayJobStatusSchema,
  message: z.string().nullable().optional(),
  error_type: z.string().nullable().optional(),
  entrypoint: z.string().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  start_time: z.number().nullable().optional(),
  end_time: z.number().nullable().optional(),
  driver_exit_code: z.int().nullable().optional(),
});

export const rayJobLogsSchema = z.object({ logs: z.string() });

export const rayStopResponseSchema = z.object({ stopped: z.boolean() });

export type RayJobStatus = z.infer<typeof rayJobStatusSchema>;
export type RaySubmitResponse = z.infer<typeof raySubmitResponseSchema>;
