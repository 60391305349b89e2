import { describe, expect, it } from "vitest";
import { buildDifficultyTable, checkDifficultyForDive } from "./difficulty-table";

describe("difficulty table", () => {
  const table = buildDifficultyTable([
    { actionType: "107B", difficulty: 3.0 },
    { actionType: "107b", difficulty: 3.1 },
    { actionType: "107B", difficulty: 3.0 },
    { actionType: "207c", difficulty: 3.3 },
  ]);

  it("collects every difficulty a dive number carries, case-insensitively", () => {
    expect([...(table.get("107B") ?? [])].sort()).toEqual([3.0, 3.1]);
    expect([...(table.get("207C") ?? [])]).toEqual([3.3]);
  });

  it("accepts a stated difficulty the dive carries, within 0.05", () => {
    expect(checkDifficultyForDive(table, "107b", 3.1).status).toBe("consistent");
    expect(checkDifficultyForDive(table, "207C", 3.25).status).toBe("consistent");
  });

  it("flags a difficulty the dive number does not carry", () => {
    const check = checkDifficultyForDive(table, "207C", 3.5);
    expect(check.status).toBe("not-carried");
    expect(check.known).toEqual([3.3]);
    expect(check.message).toContain("207C");
  });

  it("says when the dataset has no record of the dive", () => {
    expect(checkDifficultyForDive(table, "5253B", 3.2).status).toBe("unknown-dive");
  });

  it("names the bad record and field", () => {
    expect(() => buildDifficultyTable([{ actionType: "107B", difficulty: 3 }, { actionType: "207C" }])).toThrow(
      /difficulty record 1: difficulty/,
    );
  });
});
