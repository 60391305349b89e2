import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareBenchmarks } from "./comparison";
import { parseLmmsEvalSamples } from "./lmms-eval-results";
import { documentValues, pairedStandardError } from "./paired";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("paired differences from logged samples", () => {
  it("reads per-document values: numbers, and an LLM judge's verdict or score", () => {
    expect([
      ...(documentValues(parseLmmsEvalSamples(fixture("20261207_214011_samples_nextqa_mc_test.jsonl")), "exact_match") ?? []),
    ]).toEqual([
      [0, 1],
      [1, 0],
    ]);
    const judged = parseLmmsEvalSamples(fixture("20261207_220502_samples_activitynetqa.jsonl"));
    expect(documentValues(judged, "gpt_eval_accuracy")?.get(0)).toBe(1);
    expect(documentValues(judged, "gpt_eval_score")?.get(0)).toBe(5);
    expect(documentValues(judged, "accuracy")).toBeNull();
  });

  it("gives the standard error of the mean difference on shared documents", () => {
    const base = new Map([
      [0, 0],
      [1, 1],
      [2, 0],
      [3, 1],
    ]);
    const cycle = new Map([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 0],
    ]);
    // Differences 1, 0, 1, 0: mean 0.5, sample variance 1/3.
    expect(pairedStandardError(base, cycle)?.se).toBeCloseTo(Math.sqrt(1 / 3 / 4), 9);
    expect(pairedStandardError(base, new Map([[0, 1]]))).toBeNull();
  });

  it("uses the paired error for the change's interval when it is given", () => {
    const figure = { task: "nextqa_mc_test", metric: "exact_match", filter: "none", samples: 100, simulated: false };
    const [task] = compareBenchmarks(
      [
        { ...figure, cycleIndex: 0, value: 0.5, stderr: 0.05 },
        { ...figure, cycleIndex: 1, value: 0.6, stderr: 0.05 },
      ],
      new Map([["nextqa_mc_test:1", 0.01]]),
    );
    expect(task?.rows[1]?.change).toMatchObject({ method: "paired" });
    expect(task?.rows[1]?.change?.low).toBeCloseTo(10 - 1.959964, 4);
  });
});
