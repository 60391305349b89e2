import { z } from "zod";

/** A point or interval on the timeline (seconds). */
interface TimeMarker {
  id: string;
  start: number;
  /** Absent for a point in time (a timestamp label). */
  end?: number;
  label: string;
  /** Part of what the answer had to contain (a question target), not just known about the video. */
  isTarget: boolean;
}

/** A box over the video, normalized [x1, y1, x2, y2] in [0, 1], shown around `time` (or always when null). */
interface OverlayBox {
  id: string;
  time: number | null;
  box: [number, number, number, number];
  label: string;
  isTarget: boolean;
}

/** A stretch of the timeline on a named track (a dive's sub-actions, a clip's actions). */
interface TimelineSegment {
  id: string;
  track: string;
  start: number;
  end: number;
  label: string;
}

/** A label with nothing to draw on the video: a class, a number, a caption, an order of actions. */
interface GroundTruthFact {
  id: string;
  kind: string;
  text: string;
  isTarget: boolean;
}

export interface GroundTruthView {
  markers: TimeMarker[];
  boxes: OverlayBox[];
  segments: TimelineSegment[];
  facts: GroundTruthFact[];
}

export interface VideoSize {
  width: number | null;
  height: number | null;
}

const seconds = z.number().finite().min(0);
const box4 = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const targetShape = z.discriminatedUnion("labelType", [
  z.object({ labelType: z.literal("class"), label: z.string() }),
  z.object({ labelType: z.literal("caption"), label: z.string() }),
  z.object({ labelType: z.literal("float"), label: z.object({ value: z.number(), name: z.string().default("") }) }),
  z.object({ labelType: z.literal("bbox"), label: z.object({ box: box4 }) }),
  z.object({ labelType: z.literal("interval"), label: z.object({ start: seconds, end: seconds }) }),
  z.object({ labelType: z.literal("timestamp"), label: z.object({ time: seconds }) }),
  z.object({ labelType: z.literal("sequence"), label: z.object({ actions: z.array(z.string()) }) }),
  z.object({ labelType: z.literal("same"), label: z.object({ same: z.boolean() }) }),
]);
type TargetShape = z.infer<typeof targetShape>;

const intervalValue = z.object({ start: seconds, end: seconds, action: z.string().optional() });
const bboxValue = z.object({ box: box4, time: seconds.optional(), label: z.string().optional() });
const timestampValue = z.object({ time: seconds, label: z.string().optional() });
const sequenceValue = z.object({ actions: z.array(z.string()) });
const diveValue = z.object({
  segments: z.array(z.object({ name: z.string(), start_sec: seconds, end_sec: seconds })).default([]),
  action_type: z.string().optional(),
  dive_score: z.number().optional(),
  difficulty: z.number().optional(),
});

/**
 * How a question's targets and the video's labels are drawn: intervals and timestamps as markers
 * on the seek bar, boxes over the video at their time, a dive's sub-actions and a clip's actions
 * as timeline segments, everything else as facts beside the player. Unreadable entries are skipped.
 */
export function groundTruth(
  targets: unknown,
  labels: readonly { key: string; kind: string; value: unknown }[],
  video: VideoSize,
): GroundTruthView {
  const view: GroundTruthView = { markers: [], boxes: [], segments: [], facts: [] };
  const parsedTargets = (Array.isArray(targets) ? targets : []).flatMap((target) => {
    const parsed = targetShape.safeParse(target);
    return parsed.success ? [parsed.data] : [];
  });
  const boxLabels = labels.flatMap((label) => {
    const parsed = label.kind.toLowerCase() === "bbox" ? bboxValue.safeParse(label.value) : null;
    return parsed?.success ? [{ key: label.key, ...parsed.data }] : [];
  });

  for (const [index, target] of parsedTargets.entries()) addTarget(view, target, `target:${index}`, boxLabels, video);
  for (const label of labels) addLabel(view, label, video, parsedTargets);
  view.markers.sort((a, b) => a.start - b.start || Number(b.isTarget) - Number(a.isTarget));
  return view;
}

function addTarget(
  view: GroundTruthView,
  target: TargetShape,
  id: string,
  boxLabels: { box: number[]; time?: number | undefined }[],
  video: VideoSize,
): void {
  switch (target.labelType) {
    case "interval":
      view.markers.push({
        id,
        start: target.label.start,
        end: target.label.end,
        label: `Target ${formatSpan(target.label.start, target.label.end)}`,
        isTarget: true,
      });
      return;
    case "timestamp":
      view.markers.push({ id, start: target.label.time, label: `Target ${target.label.time.toFixed(2)} s`, isTarget: true });
      return;
    case "bbox": {
      const box = normalizeBox(target.label.box, video);
      if (!box) return;
      const known = boxLabels.find((label) => sameBox(normalizeBox(label.box as [number, number, number, number], video), box));
      view.boxes.push({ id, time: known?.time ?? null, box, label: "Target box", isTarget: true });
      return;
    }
    case "sequence":
      view.facts.push({ id, kind: "sequence", text: target.label.actions.join(" → "), isTarget: true });
      return;
    case "float":
      view.facts.push({ id, kind: "float", text: `${target.label.name || "value"} = ${target.label.value}`, isTarget: true });
      return;
    case "same":
      view.facts.push({ id, kind: "same", text: target.label.same ? "the same object" : "different objects", isTarget: true });
      return;
    default:
      view.facts.push({ id, kind: target.labelType, text: target.label, isTarget: true });
  }
}

function addLabel(
  view: GroundTruthView,
  label: { key: string; kind: string; value: unknown },
  video: VideoSize,
  targets: readonly TargetShape[],
): void {
  const id = `label:${label.key}`;
  const kind = label.kind.toLowerCase();
  if (kind === "interval") {
    const parsed = intervalValue.safeParse(label.value);
    if (!parsed.success) return;
    const { start, end, action } = parsed.data;
    const isTargetToo = targets.some((t) => t.labelType === "interval" && near(t.label.start, start) && near(t.label.end, end));
    if (!isTargetToo) view.markers.push({ id, start, end, label: action ?? formatSpan(start, end), isTarget: false });
    if (action) view.segments.push({ id, track: "Actions", start, end, label: action });
  } else if (kind === "timestamp") {
    const parsed = timestampValue.safeParse(label.value);
    if (parsed.success)
      view.markers.push({ id, start: parsed.data.time, label: parsed.data.label ?? `${parsed.data.time.toFixed(2)} s`, isTarget: false });
  } else if (kind === "bbox") {
    const parsed = bboxValue.safeParse(label.value);
    const box = parsed.success ? normalizeBox(parsed.data.box, video) : null;
    if (parsed.success && box && !view.boxes.some((b) => b.isTarget && sameBox(b.box, box))) {
      view.boxes.push({ id, time: parsed.data.time ?? null, box, label: parsed.data.label ?? "box", isTarget: false });
    }
  } else if (kind === "dive") {
    const parsed = diveValue.safeParse(label.value);
    if (!parsed.success) return;
    for (const [index, segment] of parsed.data.segments.entries()) {
      view.segments.push({
        id: `${id}:${index}`,
        track: "Sub-actions",
        start: segment.start_sec,
        end: segment.end_sec,
        label: segment.name,
      });
    }
    const { action_type, dive_score, difficulty } = parsed.data;
    const parts = [
      action_type && `dive ${action_type}`,
      difficulty !== undefined && `difficulty ${difficulty}`,
      dive_score !== undefined && `score ${dive_score}`,
    ];
    const text = parts.filter(Boolean).join(" · ");
    if (text) view.facts.push({ id, kind: "dive", text, isTarget: false });
  } else if (kind === "sequence") {
    const parsed = sequenceValue.safeParse(label.value);
    if (parsed.success && !targets.some((t) => t.labelType === "sequence")) {
      view.facts.push({ id, kind: "sequence", text: parsed.data.actions.join(" → "), isTarget: false });
    }
  }
}

/** Boxes come normalized (the label contract) or in pixels (STAR); pixels need the video size. */
export function normalizeBox(box: readonly number[], video: VideoSize): [number, number, number, number] | null {
  const [x1, y1, x2, y2] = box as [number, number, number, number];
  if (![x1, y1, x2, y2].every(Number.isFinite) || x2 < x1 || y2 < y1) return null;
  if (Math.max(x1, y1, x2, y2) <= 1) return [x1, y1, x2, y2];
  if (!video.width || !video.height) return null;
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return [clamp(x1 / video.width), clamp(y1 / video.height), clamp(x2 / video.width), clamp(y2 / video.height)];
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-3;
const sameBox = (a: readonly number[] | null, b: readonly number[]) => a?.every((value, index) => near(value, b[index] ?? NaN));
const formatSpan = (start: number, end: number) => `${start.toFixed(1)}–${end.toFixed(1)} s`;
