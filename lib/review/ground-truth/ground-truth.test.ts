import { describe, expect, test } from "vitest";
import { groundTruth, normalizeBox } from "./ground-truth";

const video = { width: 320, height: 240 };

describe("groundTruth", () => {
  test("an interval target is a target marker; other interval labels are markers and action segments", () => {
    const view = groundTruth(
      [{ labelType: "interval", label: { start: 1, end: 2.5 } }],
      [
        { key: "interval:a001", kind: "INTERVAL", value: { start: 1, end: 2.5, action: "picking up a box" } },
        { key: "interval:a002", kind: "INTERVAL", value: { start: 0, end: 1, action: "walking to a box" } },
      ],
      video,
    );
    expect(view.markers).toEqual([
      { id: "label:interval:a002", start: 0, end: 1, label: "walking to a box", isTarget: false },
      { id: "target:0", start: 1, end: 2.5, label: "Target 1.0–2.5 s", isTarget: true },
    ]);
    expect(view.segments.map((segment) => segment.label)).toEqual(["picking up a box", "walking to a box"]);
  });

  test("a pixel box label becomes a normalized box at its time; the target box takes that time", () => {
    const view = groundTruth(
      [{ labelType: "bbox", label: { box: [0.5, 0.5, 1, 1] } }],
      [{ key: "bbox:000360:o002", kind: "BBOX", value: { box: [160, 120, 320, 240], time: 1.5, label: "box" } }],
      video,
    );
    expect(view.boxes).toEqual([{ id: "target:0", time: 1.5, box: [0.5, 0.5, 1, 1], label: "Target box", isTarget: true }]);
  });

  test("a dive record gives sub-action segments and a fact; class and float targets are facts", () => {
    const view = groundTruth(
      [
        { labelType: "class", label: "207c" },
        { labelType: "float", label: { value: 85.5, name: "score" } },
      ],
      [
        {
          key: "dive",
          kind: "DIVE",
          value: {
            action_type: "207c",
            difficulty: 3.4,
            dive_score: 85.5,
            segments: [
              { name: "Back", start_sec: 0, end_sec: 0.4 },
              { name: "Entry", start_sec: 0.4, end_sec: 1 },
            ],
          },
        },
      ],
      video,
    );
    expect(view.segments).toEqual([
      { id: "label:dive:0", track: "Sub-actions", start: 0, end: 0.4, label: "Back" },
      { id: "label:dive:1", track: "Sub-actions", start: 0.4, end: 1, label: "Entry" },
    ]);
    expect(view.facts.map((fact) => fact.text)).toEqual(["207c", "score = 85.5", "dive 207c · difficulty 3.4 · score 85.5"]);
  });

  test("skips what it cannot read", () => {
    const view = groundTruth(
      [{ labelType: "interval", label: { start: "soon" } }, "junk"],
      [{ key: "x", kind: "INTERVAL", value: null }],
      video,
    );
    expect(view).toEqual({ markers: [], boxes: [], segments: [], facts: [] });
  });
});

describe("normalizeBox", () => {
  test("keeps normalized boxes, scales pixel boxes, refuses pixel boxes without a video size", () => {
    expect(normalizeBox([0.1, 0.2, 0.3, 0.4], video)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(normalizeBox([32, 24, 64, 48], video)).toEqual([0.1, 0.1, 0.2, 0.2]);
    expect(normalizeBox([32, 24, 64, 48], { width: null, height: null })).toBeNull();
    expect(normalizeBox([5, 5, 1, 1], video)).toBeNull();
  });
});
