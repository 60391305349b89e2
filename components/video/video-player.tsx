"use client";

import "video.js/dist/video-js.css";
import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from "react";
import { createPortal } from "react-dom";
import { BoxOverlay } from "./box-overlay";
import { SeekBarMarkers } from "./seek-bar-markers";
import { Timeline } from "./timeline";
import type { VideoBox, VideoMarker, VideoPlayerHandle, VideoSegment } from "./types";
import { usePlayerTime, useVideoJs } from "./use-video-js";

export interface VideoPlayerProps {
  /** Media URL, e.g. `/api/media/videos/42` (served with range support, so seeking works). */
  src: string;
  /** MIME type of `src`; default "video/mp4". */
  type?: string;
  poster?: string;
  /** Frames per second, for frame stepping; default 25. */
  fps?: number;
  /** The frame size, for the player's aspect ratio (so boxes line up with the picture). */
  width?: number | null;
  height?: number | null;
  /** Drawn on the seek bar and the timeline; clicking one seeks to its start. */
  markers?: readonly VideoMarker[];
  /** Drawn over the picture near their time. */
  boxes?: readonly VideoBox[];
  /** How long around its time a box stays visible (seconds); default 0.5. */
  boxTolerance?: number;
  /** Drawn as tracks under the player. */
  segments?: readonly VideoSegment[];
  /** Hide the tracks under the player. */
  hideTimeline?: boolean;
  /** Called whenever the playhead moves (every frame while playing). */
  onTimeChange?: (seconds: number) => void;
  className?: string;
  ref?: Ref<VideoPlayerHandle>;
}

/**
 * A video.js 8 player for React 19: interval markers on the seek bar, boxes over the picture at
 * their time, segment tracks underneath, and an imperative handle (seek, play, pause, step frames).
 * Created once per mount inside an effect and disposed once (StrictMode-safe); a new `src` swaps
 * the source without rebuilding the player. Reused by the review, PI dive and dataset screens.
 *
 * ```tsx
 * const player = useRef<VideoPlayerHandle>(null);
 * <VideoPlayer ref={player} src={`/api/media/videos/${id}`} fps={24} width={320} height={240}
 *   markers={[{ id: "t", start: 1, end: 2, label: "picking up a box", highlight: true }]} />
 * player.current?.seek(1.5);
 * ```
 */
export function VideoPlayer({
  src,
  type = "video/mp4",
  poster,
  fps = 25,
  width,
  height,
  markers = [],
  boxes = [],
  boxTolerance = 0.5,
  segments = [],
  hideTimeline = false,
  onTimeChange,
  className,
  ref,
}: VideoPlayerProps) {
  const container = useRef<HTMLDivElement>(null);
  const aspectRatio = width && height ? `${width}:${height}` : undefined;
  const { player, layers } = useVideoJs(container, { src, type, poster, aspectRatio });
  const { time, duration, paused } = usePlayerTime(player);

  const onTimeChangeRef = useRef(onTimeChange);
  useEffect(() => {
    onTimeChangeRef.current = onTimeChange;
  }, [onTimeChange]);
  useEffect(() => onTimeChangeRef.current?.(time), [time]);

  const handle = useMemo<VideoPlayerHandle>(() => {
    const usable = () => (player && !player.isDisposed() ? player : null);
    const clamp = (seconds: number) => {
      const end = usable()?.duration() || Number.POSITIVE_INFINITY;
      return Math.max(0, Math.min(seconds, end));
    };
    const seek = (seconds: number) => void usable()?.currentTime(clamp(seconds));
    const play = () =>
      void usable()
        ?.play()
        ?.catch(() => {});
    return {
      play,
      pause: () => usable()?.pause(),
      togglePlay: () => (usable()?.paused() ? play() : usable()?.pause()),
      seek,
      seekBy: (delta) => seek((usable()?.currentTime() ?? 0) + delta),
      stepFrames: (frames) => {
        usable()?.pause();
        // Land inside the target frame, not on its edge, so rounding never shows the neighbour.
        const frame = Math.round((usable()?.currentTime() ?? 0) * fps) + frames;
        seek((frame + 0.5) / fps);
      },
      currentTime: () => usable()?.currentTime() ?? 0,
      duration: () => usable()?.duration() ?? 0,
      paused: () => usable()?.paused() ?? true,
    };
  }, [player, fps]);
  useImperativeHandle(ref, () => handle, [handle]);

  const effectiveDuration = duration > 0 ? duration : Math.max(0, ...markers.map((m) => m.end ?? m.start), ...segments.map((s) => s.end));
  return (
    <div className={className} data-testid="video-player" data-current-time={time.toFixed(3)} data-paused={paused ? "true" : "false"}>
      <div ref={container} className="overflow-hidden rounded-lg bg-black" />
      {layers?.seekBar &&
        createPortal(<SeekBarMarkers markers={markers} duration={effectiveDuration} onSeek={handle.seek} />, layers.seekBar)}
      {layers?.overlay && createPortal(<BoxOverlay boxes={boxes} time={time} tolerance={boxTolerance} />, layers.overlay)}
      {!hideTimeline && <Timeline segments={segments} markers={markers} duration={effectiveDuration} time={time} onSeek={handle.seek} />}
    </div>
  );
}

export type { VideoPlayerHandle } from "./types";
