import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { compareBenchmarks } from "@/lib/benchmarks/comparison";
import { parseLmmsEvalResults, parseLmmsEvalSamples } from "@/lib/benchmarks/lmms-eval-results";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import type { SpawnedScript } from "@/lib/testing/processes";
import { launchRun, setVideoUrlResolver } from "@/lib/cycles";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { runBenchmarks } from "./benchmark-view";
import { benchmarkFiguresOfRuns } from "./db/benchmark-repository";
import { createFixtureDataset, createSimulatorBackends, testCycleConfig } from "./testing/fixtures";
import { startWorkerProcess, stopWorkerProcess, waitForRunEnd } from "./testing/harness";

let sim: RunningSimulator;
let worker: SpawnedScript | undefined;

beforeAll(async () => {
  setVideoUrlResolver((id) => `http://media.test/videos/${id}.mp4`);
  sim = await startSimulator({ port: 0, seed: 11, trainingDurationMs: 600 });
  worker = startWorkerProcess();
});

afterAll(async () => {
  await stopWorkerProcess(worker);
  await stopProcessBoss();
  await sim?.close();
  await disconnectPrisma();
  await closePool();
});

test("a run benchmarks the base model once and every cycle with lmms-eval on the simulated cluster", async () => {
  const tag = `bench-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 30, test: 10 });
  const backends = await createSimulatorBackends({ tag, url: sim.url });
  const { runId } = await launchRun(
    testCycleConfig({
      name: `benchmarks ${tag}`,
      datasets: [{ dataset: dataset.datasetId }],
      backends,
      stopRule: { maxCycles: 2, minYieldGain: 0 },
      benchmarks: { enabled: true, tasks: ["tempcompass", "msvd_qa"], limit: 30, judge: backends.inference },
    }),
    SYSTEM_ACTOR,
  );
  const run = await waitForRunEnd(runId, 150_000, () => worker?.output().slice(-3000) ?? "");
  expect(run.status).toBe("DONE");

  const jobs = await prisma().benchmarkJob.findMany({
    where: { runId },
    orderBy: { cycleIndex: "asc" },
    select: {
      cycleIndex: true,
      status: true,
      simulated: true,
      command: true,
      backendJobId: true,
      resultsFileName: true,
      resultsFile: true,
      samplesFiles: true,
      error: true,
    },
  });
  expect(jobs.map((j) => [j.cycleIndex, j.status, j.simulated])).toEqual([
    [0, "SUCCEEDED", true],
    [1, "SUCCEEDED", true],
    [2, "SUCCEEDED", true],
  ]);
  const [base, first] = jobs;
  expect(base?.command).toContain("pretrained=Qwen2.5-VL-7B-Instruct");
  expect(base?.command).not.toContain("llamafactory-cli export");
  expect(first?.command).toContain("llamafactory-cli export");
  expect(first?.command).toContain("--limit 30");
  expect(first?.resultsFileName).toMatch(/^\d{8}_\d{6}_results\.json$/);
  // The raw file is kept as lmms-eval wrote it, and its samples files beside it.
  expect(
    parseLmmsEvalResults(first?.resultsFile)
      .tasks.map((t) => t.task)
      .sort(),
  ).toEqual(["msvd_qa", "tempcompass", "tempcompass_multi-choice", "tempcompass_yes_no"]);
  const samples = first?.samplesFiles as Record<string, string>;
  const msvd = Object.entries(samples).find(([name]) => name.endsWith("_samples_msvd_qa.jsonl"));
  expect(parseLmmsEvalSamples(msvd?.[1] ?? "")).toHaveLength(30);

  // The judge's URL travels in the job's environment, never on its command line.
  const details = (await (await fetch(`${sim.url}/api/jobs/${first?.backendJobId}`)).json()) as {
    runtime_env: { env_vars: Record<string, string> };
    entrypoint: string;
  };
  expect(details.runtime_env.env_vars.OPENAI_API_URL).toBe(`${sim.url}/v1/chat/completions`);
  expect(details.entrypoint).not.toContain("OPENAI");

  const figures = await benchmarkFiguresOfRuns([runId]);
  const comparison = compareBenchmarks(figures.filter((f) => f.groupName === null));
  expect(comparison.map((t) => t.task)).toEqual(["msvd_qa", "tempcompass"]);
  for (const task of comparison) {
    expect(task.simulated).toBe(true);
    expect(task.rows.map((r) => r.cycleIndex)).toEqual([0, 1, 2]);
    expect(task.rows[2]?.change?.points).toBeGreaterThanOrEqual(0);
  }
  expect(comparison[1]?.reference?.points).toBe(6.1);
  // Base and cycles answered the same logged documents: MSVD-QA's interval is the paired one.
  const view = await runBenchmarks(runId);
  expect(view.tasks.find((t) => t.task === "msvd_qa")?.rows[2]?.change?.method).toBe("paired");
});

test("the benchmark stop rule ends the run when a cycle gained too little on its task", async () => {
  const tag = `bench-stop-${Date.now()}`;
  const dataset = await createFixtureDataset({ name: `fixture-${tag}`, train: 20, test: 5 });
  const backends = await createSimulatorBackends({ tag, url: sim.url });
  const { runId } = await launchRun(
    testCycleConfig({
      name: `benchmark stop ${tag}`,
      datasets: [{ dataset: dataset.datasetId }],
      backends,
      evaluation: { enabled: false },
      stopRule: { maxCycles: 3, minYieldGain: 0 },
      benchmarks: { enabled: true, tasks: ["nextqa_mc_test"], limit: 20, stopRule: { task: "nextqa_mc_test", minGain: 50 } },
    }),
    SYSTEM_ACTOR,
  );
  const run = await waitForRunEnd(runId, 150_000, () => worker?.output().slice(-3000) ?? "");
  expect(run.status).toBe("DONE");
  expect(run.cycles.map((c) => [c.index, c.status, c.isFinal])).toEqual([[1, "DONE", true]]);
  const cycle = await prisma().cycle.findFirstOrThrow({ where: { runId }, select: { metrics: true } });
  expect((cycle.metrics as { benchmarkStop?: string }).benchmarkStop).toMatch(
    /^nextqa_mc_test improved .* points over the base model, less than the minimum 50$/,
  );
  const figures = await benchmarkFiguresOfRuns([runId]);
  expect(figures.map((f) => [f.cycleIndex, f.task, f.metric, f.stderr !== null])).toEqual([
    [0, "nextqa_mc_test", "exact_match", true],
    [1, "nextqa_mc_test", "exact_match", true],
  ]);
});
