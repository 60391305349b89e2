"use client";

import type { GroundTruthView } from "@/lib/review/ground-truth/ground-truth";

/** What is known about the clip, by type; times are buttons that seek the player. */
export function GroundTruthPanel({ view, onSeek }: { view: GroundTruthView; onSeek: (seconds: number) => void }) {
  const empty = view.facts.length + view.markers.length + view.boxes.length + view.segments.length === 0;
  return (
    <section aria-label="Ground truth" className="text-sm">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Ground truth</h3>
      {empty && <p className="text-slate-500">No labels for this clip.</p>}
      <ul className="mt-1 space-y-1">
        {view.facts.map((fact) => (
          <li key={fact.id}>
            <span className={fact.isTarget ? "font-semibold text-amber-800" : "text-slate-700"}>{fact.text}</span>
            <span className="ml-2 text-xs text-slate-400">
              {fact.kind}
              {fact.isTarget ? " · target" : ""}
            </span>
          </li>
        ))}
        {view.markers.map((marker) => (
          <li key={marker.id}>
            <button
              type="button"
              onClick={() => onSeek(marker.start)}
              className={`hover:underline ${marker.isTarget ? "font-semibold text-amber-800" : "text-sky-800"}`}
            >
              {marker.label}
            </button>
            <span className="ml-2 text-xs text-slate-400">
              {marker.end === undefined ? `${marker.start.toFixed(2)} s` : `${marker.start.toFixed(2)}–${marker.end.toFixed(2)} s`}
              {marker.isTarget ? " · target" : ""}
            </span>
          </li>
        ))}
        {view.boxes.map((box) => (
          <li key={box.id}>
            <button
              type="button"
              disabled={box.time === null}
              onClick={() => box.time !== null && onSeek(box.time)}
              className="text-cyan-800 hover:underline disabled:no-underline"
            >
              {box.label}
            </button>
            <span className="ml-2 text-xs text-slate-400">box{box.time !== null ? ` at ${box.time.toFixed(2)} s` : ""}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
