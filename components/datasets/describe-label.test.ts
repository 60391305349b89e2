import { describe, expect, test } from "vitest";
import { describeLabel } from "./describe-label";

describe("labels in words", () => {
  test("each kind of label reads as a person would say it", () => {
    expect(describeLabel("CLASS", "eating apple pie")).toBe("eating apple pie");
    expect(describeLabel("FLOAT", { value: 85.5, name: "score" })).toBe("score = 85.5");
    expect(describeLabel("INTERVAL", { start: 1, end: 2.5, action: "opening a door" })).toBe("opening a door: 1.00–2.50 s");
    expect(describeLabel("TIMESTAMP", { time: 3 })).toBe("at 3.00 s");
    expect(describeLabel("BBOX", { box: [10, 20.5, 110, 220], time: 1.2, label: "cup/glass/bottle" })).toBe(
      "cup/glass/bottle: box (10, 20.5, 110, 220) at 1.20 s",
    );
    expect(describeLabel("SEQUENCE", { actions: ["Forward", "3.5 Soms.Tuck", "Entry"] })).toBe("Forward → 3.5 Soms.Tuck → Entry");
    expect(describeLabel("SAME", { same: false })).toBe("different objects");
    expect(
      describeLabel("DIVE", {
        action_type: "207c",
        difficulty: 3.6,
        dive_score: 85.5,
        judge_scores: [8, 8.5, 7.5],
        sub_actions: ["Back", "Entry"],
        frames_labels: [1, 1, 2],
      }),
    ).toBe("dive 207c · difficulty 3.6 · score 85.5 · judges 8, 8.5, 7.5 · sub-actions Back → Entry");
  });

  test("a value of no known shape is listed as its fields, never as JSON", () => {
    const text = describeLabel("CLASS", { name: "x", extra_info: [1, 2] });
    expect(text).toBe("name: x · extra info: 1, 2");
    expect(text).not.toMatch(/[{}"]/);
  });
});
