import { z } from "zod";

/**
 * The parts of a FineDiving `dive` label (lib/datasets/finediving/schema.ts `DiveRecord`) the review
 * reads. Validated here because label values are JSON written by importers: a malformed one is
 * reported with the label's video and field rather than shown wrong.
 */
const DiveSegmentValue = z.object({
  name: z.string(),
  start_sec: z.number().finite(),
  end_sec: z.number().finite(),
});

export const DiveLabelValue = z.object({
  event: z.string().optional(),
  index: z.number().int().optional(),
  action_type: z.union([z.string(), z.number()]).transform(String),
  dive_score: z.number().finite(),
  difficulty: z.number().finite().positive(),
  judge_scores: z.array(z.number().finite()),
  sub_actions: z.array(z.string()).default([]),
  segments: z.array(DiveSegmentValue).default([]),
  fps: z.number().positive().optional(),
});
export type DiveLabelValue = z.infer<typeof DiveLabelValue>;

export class DiveLabelError extends Error {
  constructor(
    readonly videoKey: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`dive label of video "${videoKey}": ${field}: ${reason}`);
    this.name = "DiveLabelError";
  }
}

/** Parses a stored dive label value; throws DiveLabelError naming the video and field. */
export function parseDiveLabel(value: unknown, videoKey: string): DiveLabelValue {
  if (value === undefined || value === null) throw new DiveLabelError(videoKey, "dive", "the video has no dive label");
  const parsed = DiveLabelValue.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DiveLabelError(videoKey, issue?.path.join(".") || "value", issue?.message ?? "invalid");
}
