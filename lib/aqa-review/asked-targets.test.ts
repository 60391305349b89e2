import { describe, expect, it } from "vitest";
import { askedTargets } from "./asked-targets";

describe("askedTargets", () => {
  it("reads what the question asks from its targets", () => {
    const full = [
      { labelType: "sequence", label: { actions: ["Forward", "Entry"] } },
      { labelType: "float", label: { value: 3.0, name: "difficulty" } },
      { labelType: "float", label: { value: 72.0, name: "score" } },
    ];
    expect(askedTargets(full, "aqa-full")).toEqual({ score: true, difficulty: true, sequence: true });
    expect(askedTargets([{ labelType: "float", label: { value: 72.0, name: "score" } }], "aqa-score")).toEqual({
      score: true,
      difficulty: false,
      sequence: false,
    });
  });

  it("falls back to the question kind when the targets cannot be read", () => {
    expect(askedTargets("not targets", "aqa-full")).toEqual({ score: true, difficulty: true, sequence: true });
    expect(askedTargets([], "aqa-score")).toEqual({ score: true, difficulty: false, sequence: false });
  });
});
