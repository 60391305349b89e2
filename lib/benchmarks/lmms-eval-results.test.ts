import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  parseLmmsEvalResults,
  parseLmmsEvalSamples,
  primaryMetric,
  resultsFileDate,
  samplesFileTask,
  taskSummaries,
} from "./lmms-eval-results";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("lmms-eval results files", () => {
  it("reads every task's metrics, their stderr (a number or N/A), n-samples and the run's config", () => {
    const results = parseLmmsEvalResults(fixture("20261207_214011_results.json"));
    expect(results.date).toBe("20261207_214011");
    expect(results.model).toBe("qwen2_vl");
    expect(results.modelArgs).toContain("pretrained=/shared/vstar/merged/k700-star-r3-c1");
    expect(results.limit).toBe(80);
    const nextqa = results.tasks.find((t) => t.task === "nextqa_mc_test");
    expect(nextqa?.metrics).toEqual([{ metric: "exact_match", filter: "none", value: 0.7, stderr: 0.05147, higherIsBetter: true }]);
    expect(nextqa?.nSamples).toEqual({ original: 8564, effective: 80 });
    const mc = results.tasks.find((t) => t.task === "tempcompass_multi-choice");
    expect(mc).toMatchObject({ alias: "tempcompass_multi-choice", group: "tempcompass", isGroup: false, version: "Yaml" });
    expect(mc?.metrics[0]).toMatchObject({ metric: "accuracy", value: 58.75, stderr: null });
    expect(results.tasks.find((t) => t.task === "tempcompass")).toMatchObject({ isGroup: true, metrics: [] });
  });

  it("summarizes a group as the sample-weighted mean of its subtasks", () => {
    const summaries = taskSummaries(parseLmmsEvalResults(fixture("20261207_214011_results.json")));
    const group = summaries.find((s) => s.task === "tempcompass");
    expect(group).toMatchObject({ derived: true, samples: 160, metric: { metric: "accuracy", stderr: null } });
    expect(group?.metric.value).toBeCloseTo(60, 6);
    expect(summaries.map((s) => s.task).sort()).toEqual([
      "nextqa_mc_test",
      "tempcompass",
      "tempcompass_multi-choice",
      "tempcompass_yes_no",
    ]);
  });

  it("orders a task's metrics as its metric_list does, so the first is the one it is judged by", () => {
    const results = parseLmmsEvalResults(fixture("20261207_220502_results.json"));
    const task = results.tasks[0];
    expect(task?.metrics.map((m) => m.metric)).toEqual(["gpt_eval_score", "gpt_eval_accuracy"]);
    expect(task && primaryMetric(task)).toMatchObject({ metric: "gpt_eval_score", value: 3.1625, stderr: null });
  });

  it("prefers the none filter and refuses a file without results", () => {
    const results = parseLmmsEvalResults({
      results: { gsm: { alias: "gsm", "exact_match,flexible-extract": 0.5, "exact_match,none": 0.4, "exact_match_stderr,none": 0.02 } },
    });
    expect(results.tasks[0] && primaryMetric(results.tasks[0])).toMatchObject({ filter: "none", value: 0.4, stderr: 0.02 });
    expect(() => parseLmmsEvalResults({ configs: {} })).toThrow(/invalid lmms-eval results file: results/);
    expect(() => parseLmmsEvalResults("{not json")).toThrow(/not JSON/);
  });

  it("reads samples files: filtered response, raw response when it differs, the task's scores", () => {
    const [first, second] = parseLmmsEvalSamples(fixture("20261207_214011_samples_nextqa_mc_test.jsonl"));
    expect(first).toMatchObject({ docId: 0, target: "B", response: "B", rawResponse: null, scores: { exact_match: 1 } });
    expect(second?.scores).toEqual({ exact_match: 0 });
    expect(second?.input).toContain("why did the man in black swing his arms");
    const [judged] = parseLmmsEvalSamples(fixture("20261207_220502_samples_activitynetqa.jsonl"));
    expect(judged).toMatchObject({ response: "Yes", rawResponse: "Yes, the person is wearing a helmet" });
    expect(judged?.scores.gpt_eval_score).toMatchObject({ Correctness: "yes", score: 5 });
    expect(() => parseLmmsEvalSamples('{"doc_id": 0}\n{"oops"')).toThrow(/samples line 1/);
  });

  it("recognizes lmms-eval's file names", () => {
    expect(resultsFileDate("/out/Qwen__Qwen2-VL-7B-Instruct/20261207_214011_results.json")).toBe("20261207_214011");
    expect(resultsFileDate("results.json")).toBeNull();
    expect(samplesFileTask("20261207_214011_samples_tempcompass_multi-choice.jsonl")).toEqual({
      date: "20261207_214011",
      task: "tempcompass_multi-choice",
    });
  });
});
