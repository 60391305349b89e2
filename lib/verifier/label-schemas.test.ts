import { describe, expect, it } from "vitest";
import { LABEL_TYPES, targetSchema, targetsSchema } from "@/lib/verifier/label-schemas";

describe("targetSchema", () => {
  it.each([
    { labelType: "class", label: "eating apple pie" },
    { labelType: "float", label: { value: 85.78, name: "score" } },
    { labelType: "bbox", label: { box: [0.1, 0.2, 0.5, 0.6] } },
    { labelType: "interval", label: { start: 2, end: 5 } },
    { labelType: "timestamp", label: { time: 3.2 } },
    { labelType: "sequence", label: { actions: ["opening door", "drinking water"] } },
    { labelType: "caption", label: "a man opens the fridge" },
    { labelType: "same", label: { same: true } },
  ])("accepts the contract's $labelType shape", (target) => {
    expect(targetSchema.parse(target)).toEqual(target);
  });

  it("covers every label type", () => {
    expect(LABEL_TYPES).toHaveLength(8);
  });

  it.each([
    [{ labelType: "class", label: "!!!" }, ["label"]],
    [{ labelType: "bbox", label: { box: [0.5, 0.2, 0.1, 0.6] } }, ["label", "box"]],
    [{ labelType: "bbox", label: { box: [0, 0, 1.2, 1] } }, ["label", "box", 2]],
    [{ labelType: "interval", label: { start: 5, end: 2 } }, ["label", "end"]],
    [{ labelType: "float", label: { value: "85" } }, ["label", "value"]],
    [{ labelType: "sequence", label: { actions: [] } }, ["label", "actions"]],
    [{ labelType: "same", label: { same: "yes" } }, ["label", "same"]],
    [{ labelType: "colour", label: "red" }, ["labelType"]],
  ])("rejects %j at %j", (target, path) => {
    const result = targetSchema.safeParse(target);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it("requires at least one target per question", () => {
    expect(targetsSchema.safeParse([]).success).toBe(false);
  });
});
