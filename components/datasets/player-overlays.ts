import type { VideoBox, VideoMarker, VideoSegment } from "../video/types";

interface LabelLike {
  key: string;
  kind: string;
  value: unknown;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * What a video's labels draw on the player: the clip's bounds and interval / timestamp labels
 * as seek-bar markers, boxes at their time, a dive's sub-actions as a track.
 */
export function playerOverlays(labels: readonly LabelLike[], clip: { startSec: number | null; endSec: number | null }) {
  const markers: VideoMarker[] = [];
  const boxes: VideoBox[] = [];
  const segments: VideoSegment[] = [];
  if (clip.startSec !== null && clip.endSec !== null)
    markers.push({ id: "clip", start: clip.startSec, end: clip.endSec, label: "the clip", highlight: true });
  for (const label of labels) {
    const value = record(label.value);
    if (value === null) continue;
    if (label.kind === "INTERVAL") {
      const start = num(value.start);
      const end = num(value.end);
      if (start !== null && end !== null)
        markers.push({ id: label.key, start, end, label: typeof value.action === "string" ? value.action : label.key });
    } else if (label.kind === "TIMESTAMP") {
      const time = num(value.time);
      if (time !== null) markers.push({ id: label.key, start: time, label: label.key });
    } else if (
      label.kind === "BBOX" &&
      Array.isArray(value.box) &&
      value.box.length === 4 &&
      value.box.every((v) => typeof v === "number")
    ) {
      boxes.push({
        id: label.key,
        time: num(value.time),
        box: value.box as [number, number, number, number],
        ...(typeof value.label === "string" ? { label: value.label } : {}),
      });
    } else if (label.kind === "DIVE" && Array.isArray(value.segments)) {
      for (const [index, raw] of value.segments.entries()) {
        const segment = record(raw);
        const start = num(segment?.start_sec);
        const end = num(segment?.end_sec);
        if (segment && start !== null && end !== null)
          segments.push({ id: `dive:${index}`, track: "sub-actions", start, end, label: String(segment.name ?? "") });
      }
    }
  }
  return { markers, boxes, segments };
}
