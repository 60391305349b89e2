import { describe, expect, it } from "vitest";
import { DiveLabelError, parseDiveLabel } from "./dive-label";

describe("parseDiveLabel", () => {
  it("reads an importer's dive record, defaulting the fine-grained parts", () => {
    const dive = parseDiveLabel({ action_type: 107, dive_score: 73.5, difficulty: 3.0, judge_scores: [8, 8, 8.5] }, "v1");
    expect(dive).toMatchObject({ action_type: "107", sub_actions: [], segments: [] });
  });

  it("names the video and the field of a malformed record", () => {
    expect(() => parseDiveLabel({ action_type: "107B", dive_score: "high", difficulty: 3, judge_scores: [] }, "cup_3")).toThrow(
      /dive label of video "cup_3": dive_score:/,
    );
    expect(() => parseDiveLabel(undefined, "cup_4")).toThrow(DiveLabelError);
    expect(() => parseDiveLabel(undefined, "cup_4")).toThrow(/has no dive label/);
  });
});
