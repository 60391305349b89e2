import { z } from "zod";

/**
 * One record of either annotation file as unpickled (dict keys as strings; numpy values already
 * numbers). The coarse file has `judge_scores`, `start_frame` and `end_frame`; the fine-grained
 * file has `frames_labels`, `steps_transit_frames` and `sub-action_types` instead. Both have the
 * first three fields. A dive record is the two merged by key.
 */
export const diveSourceSchema = z.object({
  action_type: z.union([z.string().min(1), z.number()]).transform(String),
  dive_score: z.number(),
  difficulty: z.number().positive(),
  judge_scores: z.array(z.number()).min(1).optional(),
  start_frame: z.number().int().optional(),
  end_frame: z.number().int().optional(),
  frames_labels: z.array(z.number().int()).optional(),
  steps_transit_frames: z.array(z.number()).optional(),
  "sub-action_types": z.map(z.number().int(), z.string()).optional(),
});
export type DiveSource = z.infer<typeof diveSourceSchema>;

/** An annotation key: (event name, index). */
export const diveKeySchema = z.tuple([z.string().min(1), z.number().int().nonnegative()]);

export const subActionTableSchema = z.map(z.number().int(), z.string().min(1));
export const splitListSchema = z.array(diveKeySchema);

/** A run of frames with one sub-action, in frame indexes of the trimmed clip and in seconds. */
export interface DiveSegment {
  sub_action_id: number;
  name: string;
  start_frame: number;
  /** Inclusive. */
  end_frame: number;
  start_sec: number;
  end_sec: number;
}

/**
 * The `dive` label: FineDiving's fields under their own names, plus what the importer derives
 * (sub_actions, segments). Integer-keyed `sub-action_types` becomes `sub_action_types` with
 * string keys ("13": "3.5 Soms.Tuck") so the record is plain JSON.
 */
export interface DiveRecord {
  event: string;
  index: number;
  action_type: string;
  dive_score: number;
  difficulty: number;
  /** Empty when only the fine-grained file was imported (it has no judge scores). */
  judge_scores: number[];
  start_frame: number | null;
  end_frame: number | null;
  /** The last frame of each step but the last, as FineDiving records them (the next step starts one frame later). */
  steps_transit_frames: number[];
  frames_labels: number[];
  sub_action_types: Record<string, string>;
  sub_actions: string[];
  segments: DiveSegment[];
  /** Frame rate the clip is (to be) encoded at; segment seconds use it. */
  fps: number;
}
