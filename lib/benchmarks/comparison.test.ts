import { describe, expect, it } from "vitest";
import { compareBenchmarks, type BenchmarkFigure } from "./comparison";

const figure = (cycleIndex: number, value: number, stderr: number | null, task = "nextqa_mc_test"): BenchmarkFigure => ({
  cycleIndex,
  task,
  metric: task.startsWith("tempcompass") ? "accuracy" : "exact_match",
  filter: "none",
  value,
  stderr,
  samples: 100,
  simulated: false,
});

describe("benchmark comparison", () => {
  it("gives each cycle its change from the base in points with a 95% interval from both stderrs", () => {
    const [task] = compareBenchmarks([figure(1, 0.6, 0.04), figure(0, 0.5, 0.03)]);
    expect(task?.scale).toBe("fraction");
    expect(task?.rows.map((r) => r.cycleIndex)).toEqual([0, 1]);
    expect(task?.rows[0]?.change).toBeNull();
    const change = task?.rows[1]?.change;
    expect(change?.points).toBeCloseTo(10, 6);
    expect(change?.low).toBeCloseTo(10 - 1.959964 * 5, 4);
    expect(change?.high).toBeCloseTo(10 + 1.959964 * 5, 4);
  });

  it("falls back to the binomial error for accuracies lmms-eval gave no stderr, and shows the paper's gain", () => {
    const [task] = compareBenchmarks([figure(0, 50, null, "tempcompass"), figure(1, 60, null, "tempcompass")]);
    expect(task?.scale).toBe("as-reported");
    expect(task?.reference?.points).toBe(6.1);
    expect(task?.rows[0]?.stderrSource).toBe("binomial");
    expect(task?.rows[0]?.stderrPoints).toBeCloseTo(5, 6);
    expect(task?.rows[1]?.change?.points).toBeCloseTo(10, 6);
    expect(task?.rows[1]?.change?.low).not.toBeNull();
  });

  it("leaves the interval open when a score has no error at all, and has no change without a base", () => {
    const scores = compareBenchmarks([
      { ...figure(0, 3.1, null, "activitynetqa"), metric: "gpt_eval_score" },
      { ...figure(1, 3.4, null, "activitynetqa"), metric: "gpt_eval_score" },
    ]);
    expect(scores[0]?.rows[1]?.change).toMatchObject({ low: null, high: null });
    expect(scores[0]?.rows[1]?.change?.points).toBeCloseTo(0.3, 6);
    expect(compareBenchmarks([figure(2, 0.5, 0.01)])[0]?.rows[0]?.change).toBeNull();
  });
});
