/** A point (no `end`) or an interval on the timeline, drawn on the seek bar; clicking it seeks to `start`. */
export interface VideoMarker {
  id: string;
  /** Seconds. */
  start: number;
  /** Seconds; absent for a point in time. */
  end?: number;
  label: string;
  /** Emphasised (e.g. the label the answer had to contain). */
  highlight?: boolean;
  /** Any CSS color; defaults by `highlight`. */
  color?: string;
}

/** A box drawn over the video around `time` (± the player's `boxTolerance`), or always when `time` is null. */
export interface VideoBox {
  id: string;
  time: number | null;
  /** Normalized corners [x1, y1, x2, y2] in [0, 1] of the video frame. */
  box: [number, number, number, number];
  label?: string;
  highlight?: boolean;
  color?: string;
}

/** A stretch of the timeline on a named track (sub-actions of a dive, actions of a clip). */
export interface VideoSegment {
  id: string;
  track: string;
  start: number;
  end: number;
  label: string;
  color?: string;
}

/** What a parent can do with the player (through `ref`). All times in seconds. */
export interface VideoPlayerHandle {
  play(): void;
  pause(): void;
  togglePlay(): void;
  seek(seconds: number): void;
  seekBy(deltaSeconds: number): void;
  /** Pauses and moves by `frames` frames (negative: back), using the `fps` prop. */
  stepFrames(frames: number): void;
  currentTime(): number;
  duration(): number;
  paused(): boolean;
}
