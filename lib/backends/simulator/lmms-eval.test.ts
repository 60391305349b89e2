import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesFromLog, lmmsEvalJobCommand } from "@/lib/benchmarks/lmms-eval-job";
import { parseLmmsEvalResults, parseLmmsEvalSamples, taskSummaries } from "@/lib/benchmarks/lmms-eval-results";
import { lmmsEvalInvocation, lmmsEvalLogLines, simulatedLmmsEvalFiles } from "./lmms-eval";
import { RayJobStore } from "./ray-jobs";

const real = JSON.parse(readFileSync(path.join(__dirname, "../../benchmarks/fixtures/20261207_214011_results.json"), "utf8"));
const command = lmmsEvalJobCommand({
  config: { tasks: ["tempcompass", "msvd_qa"], limit: 40, model: "qwen2_vl", modelArgs: "", batchSize: 1, logSamples: true },
  baseModel: "Qwen/Qwen2-VL-7B-Instruct",
  adapter: { path: "/shared/adapters/c1", template: "qwen2_vl" },
  outputDir: "/shared/bench/c1",
});

describe("the simulated lmms-eval", () => {
  it("reads the real job's command line", () => {
    expect(lmmsEvalInvocation(command)).toEqual({
      model: "qwen2_vl",
      modelArgs: "pretrained=/shared/bench/c1/merged",
      tasks: ["tempcompass", "msvd_qa"],
      limit: 40,
      logSamples: true,
      batchSize: "1",
    });
    expect(lmmsEvalInvocation("llamafactory-cli train /x.yaml")).toBeNull();
  });

  it("writes a results file with the real file's structure that the parser reads", () => {
    const invocation = lmmsEvalInvocation(command);
    if (!invocation) throw new Error("no invocation");
    const { results, samples } = simulatedLmmsEvalFiles({ invocation, seed: 1, strength: 0, date: "20261207_214011" });
    const file = JSON.parse(results);
    expect(Object.keys(file).sort()).toEqual(Object.keys(real).sort());
    expect(Object.keys(file.config).sort()).toEqual(Object.keys(real.config).sort());
    expect(Object.keys(file.configs.tempcompass_yes_no).sort()).toEqual(Object.keys(real.configs.tempcompass_yes_no).sort());
    const summaries = taskSummaries(parseLmmsEvalResults(results));
    expect(summaries.find((s) => s.task === "msvd_qa")).toMatchObject({
      samples: 40,
      metric: { metric: "gpt_eval_accuracy", stderr: null },
    });
    expect(summaries.find((s) => s.task === "tempcompass")).toMatchObject({ derived: true, samples: 80 });
    expect(parseLmmsEvalSamples(samples.get("msvd_qa") ?? "")).toHaveLength(40);
  });

  it("scores a trained cycle at least as well as the base on the same documents", () => {
    const invocation = lmmsEvalInvocation(command);
    if (!invocation) throw new Error("no invocation");
    const score = (strength: number) =>
      taskSummaries(parseLmmsEvalResults(simulatedLmmsEvalFiles({ invocation, seed: 3, strength, date: "20261207_214011" }).results)).find(
        (s) => s.task === "msvd_qa",
      )?.metric.value ?? Number.NaN;
    expect(score(2)).toBeGreaterThanOrEqual(score(0));
  });

  it("runs as a Ray job whose log ends with the files, marked simulated, registering no adapter", () => {
    let now = 0;
    const adapters: string[] = [];
    const store = new RayJobStore({
      seed: 1,
      durationMs: 1000,
      failureRate: 0,
      now: () => now,
      onSucceeded: (a) => adapters.push(a.submissionId),
    });
    store.submit({
      entrypoint: command,
      submission_id: "bench-c1",
      metadata: { vstar_cycle_index: "1", vstar_output_dir: "/shared/bench/c1" },
    });
    expect(filesFromLog(store.logs("bench-c1") ?? "").size).toBe(0);
    now = 2000;
    expect(store.details("bench-c1")?.status).toBe("SUCCEEDED");
    const log = store.logs("bench-c1") ?? "";
    expect(log).toMatch(/^SIMULATED lmms-eval run/);
    expect([...filesFromLog(log).keys()].filter((k) => k.endsWith("_results.json"))).toHaveLength(1);
    expect(adapters).toEqual([]);
    expect(
      lmmsEvalLogLines({ invocation: lmmsEvalInvocation(command) ?? ({} as never), seed: 1, strength: 1, startedAtMs: 0, fails: true }).at(
        -1,
      )?.text,
    ).toMatch(/simulated failure/);
  });
});
