"use client";

import type { SyntheticEvent } from "react";
import type { VideoMarker } from "./types";

const stop = (event: SyntheticEvent) => event.stopPropagation();

/**
 * Markers drawn on video.js's seek bar (no maintained markers plugin exists for video.js 8).
 * They stop the seek bar's own pointer handling, so a click seeks to the marker's start exactly.
 */
export function SeekBarMarkers({
  markers,
  duration,
  onSeek,
}: {
  markers: readonly VideoMarker[];
  duration: number;
  onSeek: (seconds: number) => void;
}) {
  if (!(duration > 0)) return null;
  return (
    <>
      {markers.map((marker) => {
        const left = (Math.min(marker.start, duration) / duration) * 100;
        const width = marker.end === undefined ? 0 : (Math.max(0, Math.min(marker.end, duration) - marker.start) / duration) * 100;
        const color = marker.color ?? (marker.highlight ? "#f59e0b" : "#38bdf8");
        return (
          <button
            key={marker.id}
            type="button"
            data-testid="seek-marker"
            aria-label={`Seek to ${marker.label}`}
            title={marker.label}
            onMouseDown={stop}
            onTouchStart={stop}
            onPointerDown={stop}
            onClick={(event) => {
              event.stopPropagation();
              // Leave the keyboard to the page, not to the seek bar this button sits in.
              event.currentTarget.blur();
              onSeek(marker.start);
            }}
            style={{
              position: "absolute",
              left: `${left}%`,
              width: width > 0 ? `${width}%` : "4px",
              marginLeft: width > 0 ? 0 : "-2px",
              top: "-3px",
              bottom: "-3px",
              background: color,
              opacity: marker.highlight ? 0.9 : 0.6,
              border: 0,
              borderRadius: "2px",
              padding: 0,
              cursor: "pointer",
            }}
          />
        );
      })}
    </>
  );
}
