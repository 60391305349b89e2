import type { DiveSegment } from "./schema";

export type SubActionNamer = (id: number) => string | undefined;

/**
 * Collapses per-frame sub-action ids into segments. Ids without a name are returned in
 * `unnamed` (the caller reports them) and the segment is named after the id.
 */
export function segmentsFromFrameLabels(
  frameLabels: readonly number[],
  nameOf: SubActionNamer,
  fps: number,
): { segments: DiveSegment[]; unnamed: number[] } {
  const segments: DiveSegment[] = [];
  const unnamed = new Set<number>();
  frameLabels.forEach((id, frame) => {
    const last = segments[segments.length - 1];
    if (last !== undefined && last.sub_action_id === id) {
      last.end_frame = frame;
      last.end_sec = round3((frame + 1) / fps);
      return;
    }
    const name = nameOf(id);
    if (name === undefined) unnamed.add(id);
    segments.push({
      sub_action_id: id,
      name: name ?? `sub-action ${id}`,
      start_frame: frame,
      end_frame: frame,
      start_sec: round3(frame / fps),
      end_sec: round3((frame + 1) / fps),
    });
  });
  return { segments, unnamed: [...unnamed] };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
