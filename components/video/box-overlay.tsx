"use client";

import type { VideoBox } from "./types";

/** Boxes over the frame near their time (± tolerance seconds), or always when their time is null. */
export function BoxOverlay({ boxes, time, tolerance }: { boxes: readonly VideoBox[]; time: number; tolerance: number }) {
  const visible = boxes.filter((box) => box.time === null || Math.abs(box.time - time) <= tolerance);
  return (
    <>
      {visible.map((box) => {
        const [x1, y1, x2, y2] = box.box;
        const color = box.color ?? (box.highlight ? "#f59e0b" : "#22d3ee");
        return (
          <div
            key={box.id}
            data-testid="video-box"
            title={box.label}
            style={{
              position: "absolute",
              left: `${x1 * 100}%`,
              top: `${y1 * 100}%`,
              width: `${(x2 - x1) * 100}%`,
              height: `${(y2 - y1) * 100}%`,
              border: `2px solid ${color}`,
              boxShadow: "0 0 0 1px rgba(0,0,0,0.5)",
            }}
          >
            {box.label && (
              <span
                style={{
                  position: "absolute",
                  top: "-1.4em",
                  left: 0,
                  background: color,
                  color: "#111",
                  fontSize: "11px",
                  padding: "0 4px",
                  whiteSpace: "nowrap",
                }}
              >
                {box.label}
              </span>
            )}
          </div>
        );
      })}
    </>
  );
}
