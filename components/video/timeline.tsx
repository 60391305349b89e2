"use client";

import type { VideoMarker, VideoSegment } from "./types";

const PALETTE = ["#6366f1", "#10b981", "#f97316", "#ec4899", "#0ea5e9", "#84cc16", "#a855f7", "#eab308"];

/**
 * Tracks under the player: one row per segment track (sub-actions, actions) and one for markers,
 * with the playhead. Everything is clickable to seek. Times in seconds.
 */
export function Timeline({
  segments,
  markers,
  duration,
  time,
  onSeek,
}: {
  segments: readonly VideoSegment[];
  markers: readonly VideoMarker[];
  duration: number;
  time: number;
  onSeek: (seconds: number) => void;
}) {
  if (!(duration > 0) || (segments.length === 0 && markers.length === 0)) return null;
  const tracks = [...new Set(segments.map((segment) => segment.track))];
  const percent = (seconds: number) => `${(Math.max(0, Math.min(seconds, duration)) / duration) * 100}%`;
  const playhead = (
    <div aria-hidden style={{ position: "absolute", top: 0, bottom: 0, left: percent(time), width: 1 }} className="bg-rose-500" />
  );
  return (
    <div className="mt-2 space-y-1 text-xs" data-testid="video-timeline">
      {tracks.map((track) => (
        <div key={track} className="flex items-center gap-2">
          <span className="w-24 shrink-0 truncate text-slate-500">{track}</span>
          <div className="relative h-6 flex-1 rounded bg-slate-100">
            {segments
              .filter((segment) => segment.track === track)
              .map((segment, index) => (
                <button
                  key={segment.id}
                  type="button"
                  title={`${segment.label} (${segment.start.toFixed(2)}–${segment.end.toFixed(2)} s)`}
                  onClick={() => onSeek(segment.start)}
                  className="absolute top-0 bottom-0 overflow-hidden rounded px-1 text-left text-[10px] leading-6 whitespace-nowrap text-white"
                  style={{
                    left: percent(segment.start),
                    width: `calc(${percent(segment.end)} - ${percent(segment.start)})`,
                    background: segment.color ?? PALETTE[index % PALETTE.length],
                  }}
                >
                  {segment.label}
                </button>
              ))}
            {playhead}
          </div>
        </div>
      ))}
      {markers.length > 0 && (
        <div className="flex items-center gap-2">
          <span className="w-24 shrink-0 text-slate-500">Labels</span>
          <div className="relative h-6 flex-1 rounded bg-slate-100">
            {markers.map((marker) => (
              <button
                key={marker.id}
                type="button"
                data-testid="timeline-marker"
                title={marker.label}
                aria-label={`Seek to ${marker.label}`}
                onClick={() => onSeek(marker.start)}
                className={`absolute top-1 bottom-1 rounded ${marker.highlight ? "bg-amber-400" : "bg-sky-400"}`}
                style={{
                  left: percent(marker.start),
                  width: marker.end === undefined ? 4 : `calc(${percent(marker.end)} - ${percent(marker.start)})`,
                  minWidth: 4,
                }}
              />
            ))}
            {playhead}
          </div>
        </div>
      )}
    </div>
  );
}
