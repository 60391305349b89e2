import type { StarSituation } from "./schema";

/** How STAR frame numbers and pixel boxes map to seconds and normalised boxes for one video. */
export interface StarGeometry {
  /** Frames per second of the Charades video the frame numbers count. */
  fps: number;
  width: number;
  height: number;
}

export interface KeyframeObject {
  /** STAR object class id, e.g. "o016". */
  id: string;
  /** Normalised [x1, y1, x2, y2] in [0, 1]. */
  box: [number, number, number, number];
}

export interface Keyframe {
  /** The situation key as written ("000199"). */
  frameId: string;
  frame: number;
  /** Seconds from the start of the clip (the question's window, cut out of the video at ingest). */
  time: number;
  /** STAR action class ids active at this frame, e.g. ["a077"]. */
  actions: string[];
  objects: KeyframeObject[];
}

/** Merges the situations of a clip's questions (same frame → first one wins). */
export function mergeSituations(all: Record<string, StarSituation>[]): Record<string, StarSituation> {
  const merged: Record<string, StarSituation> = {};
  for (const situations of all) {
    for (const [frameId, situation] of Object.entries(situations)) merged[frameId] ??= situation;
  }
  return merged;
}

/**
 * The situations inside the window (seconds of the video) as keyframes timed from the window's
 * start, boxes normalised by the video's frame size.
 */
export function buildKeyframes(
  situations: Record<string, StarSituation>,
  geometry: StarGeometry,
  window: { start: number; end: number },
): Keyframe[] {
  const tolerance = 1e-6;
  return Object.entries(situations)
    .filter(([frameId]) => {
      const seconds = Number(frameId) / geometry.fps;
      return seconds >= window.start - tolerance && seconds <= window.end + tolerance;
    })
    .map(([frameId, situation]) => {
      const frame = Number(frameId);
      return {
        frameId,
        frame,
        time: Math.max(0, round(frame / geometry.fps - window.start, 3)),
        actions: [...new Set(situation.actions)],
        objects: situation.bbox.map((box, index) => ({
          id: situation.bbox_labels[index] ?? "",
          box: normaliseBox(box, geometry),
        })),
      };
    })
    .sort((a, b) => a.frame - b.frame);
}

function normaliseBox(box: readonly number[], geometry: { width: number; height: number }): [number, number, number, number] {
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = box;
  const nx = (x: number) => round(clamp01(x / geometry.width), 4);
  const ny = (y: number) => round(clamp01(y / geometry.height), 4);
  return [nx(Math.min(x1, x2)), ny(Math.min(y1, y2)), nx(Math.max(x1, x2)), ny(Math.max(y1, y2))];
}

/** Each action's span: from the first to the last keyframe it is active in. */
export function actionSpans(keyframes: Keyframe[]): Map<string, { start: number; end: number }> {
  const spans = new Map<string, { start: number; end: number }>();
  for (const keyframe of keyframes) {
    for (const action of keyframe.actions) {
      const span = spans.get(action);
      if (span === undefined) spans.set(action, { start: keyframe.time, end: keyframe.time });
      else span.end = keyframe.time;
    }
  }
  return spans;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
