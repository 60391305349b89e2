import { describe, expect, it } from "vitest";
import { parseDiveLabel } from "./dive-label";
import { diveTimeline } from "./dive-timeline";

const dive = parseDiveLabel(
  {
    action_type: "105B",
    dive_score: 64.5,
    difficulty: 3.0,
    judge_scores: [7, 7, 7.5, 7, 7],
    sub_actions: ["Forward", "2.5 Soms.Pike", "Entry"],
    segments: [
      { name: "Forward", start_sec: 0.5, end_sec: 1.0 },
      { name: "2.5 Soms.Pike", start_sec: 1.0, end_sec: 2.0 },
      { name: "Entry", start_sec: 2.0, end_sec: 2.5 },
    ],
  },
  "v",
);

describe("diveTimeline", () => {
  it("lays the predicted sub-actions in equal shares of the true dive span, marking matches by position", () => {
    const timeline = diveTimeline(dive, ["Forward", "2.5 soms.pike", "1 Twist", "Entry"], 3);
    expect(timeline.durationSec).toBe(3);
    expect(timeline.truth).toHaveLength(3);
    // The true span is 0.5–2.5 s: four predictions get 0.5 s each.
    expect(timeline.predicted.map((s) => [s.startSec, s.endSec, s.matches])).toEqual([
      [0.5, 1.0, true],
      [1.0, 1.5, true],
      [1.5, 2.0, false],
      [2.0, 2.5, false],
    ]);
  });

  it("uses the clip length when the record has no segments, and the segments when the video has no duration", () => {
    const bare = parseDiveLabel({ action_type: "105B", dive_score: 60, difficulty: 3, judge_scores: [] }, "v");
    expect(diveTimeline(bare, ["Forward", "Entry"], 4).predicted.map((s) => s.endSec)).toEqual([2, 4]);
    expect(diveTimeline(dive, [], null).durationSec).toBe(2.5);
  });
});
