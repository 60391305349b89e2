"use client";

import type { DiveTimeline } from "@/lib/aqa-review/dive-timeline";
import { Timeline } from "../video/timeline";
import type { VideoSegment } from "../video/types";
import { VideoPlayer } from "../video/video-player";

const TRUE_TRACK = "True";
const PREDICTED_TRACK = "Predicted";

/** The record's sub-actions and the answer's as two tracks; predicted ones green where they match. */
function diveSegments(timeline: DiveTimeline): VideoSegment[] {
  return [
    ...timeline.truth.map((s, i) => ({
      id: `true-${i}`,
      track: TRUE_TRACK,
      start: s.startSec,
      end: s.endSec,
      label: s.name,
      color: "#475569",
    })),
    ...timeline.predicted.map((s, i) => ({
      id: `predicted-${i}`,
      track: PREDICTED_TRACK,
      start: s.startSec,
      end: s.endSec,
      label: s.name,
      color: s.matches ? "#059669" : "#e11d48",
    })),
  ];
}

interface DivePlayerProps {
  video: {
    id: number;
    mediaStatus: string;
    fps: number | null;
    width: number | null;
    height: number | null;
    unplayableReason: string | null;
  };
  timeline: DiveTimeline;
}

/**
 * The dive's clip in the shared video.js player, with the true and predicted sub-actions as tracks under
 * it (click seeks). A clip that cannot play still shows the tracks.
 */
export function DivePlayer({ video, timeline }: DivePlayerProps) {
  const segments = diveSegments(timeline);
  return (
    <div className="space-y-2" data-testid="dive-player">
      {video.mediaStatus === "UNPLAYABLE" ? (
        <>
          <div
            className="flex aspect-video w-full items-center justify-center rounded-lg bg-slate-800 p-4 text-center text-sm text-slate-200"
            data-testid="dive-video-unavailable"
          >
            The clip cannot be played{video.unplayableReason ? `: ${video.unplayableReason}` : ""}.
          </div>
          <Timeline segments={segments} markers={[]} duration={timeline.durationSec} time={0} onSeek={() => {}} />
        </>
      ) : (
        <VideoPlayer
          src={`/api/media/videos/${video.id}`}
          fps={video.fps ?? 12}
          width={video.width}
          height={video.height}
          segments={segments}
        />
      )}
      {timeline.predicted.length === 0 && <p className="text-xs text-slate-500">The answer names no sub-actions.</p>}
      <p className="text-xs text-slate-500">
        Predicted sub-actions have no times in the answer: they are drawn in order over the dive&apos;s true span. Green: the same
        sub-action as the record at that position; red: a different one.
      </p>
    </div>
  );
}
