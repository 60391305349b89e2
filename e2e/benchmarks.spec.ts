import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";
import { runCyclesToCompletion, type RunCycle } from "./simulated-run";

// A real two-cycle run on the demo with zero-shot benchmarks: the simulated cluster runs the
// simulated lmms-eval for the base model and both cycles; the app reads its results files.
const RUN_NAME = "Benchmarks e2e run (simulator)";

let runId = 0;
let cycles: RunCycle[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const run = await runCyclesToCompletion({
    name: RUN_NAME,
    datasets: [
      { dataset: "Kinetics-700 (demo)", sampleSize: null, splits: ["train"] },
      { dataset: "STAR (demo)", sampleSize: null, splits: ["train"] },
    ],
    evaluation: { enabled: false },
    backends: { inference: "simulator", training: "simulator-ray" },
    stopRule: { maxCycles: 2, minYieldGain: 0 },
    benchmarks: { enabled: true, tasks: ["tempcompass", "msvd_qa"], limit: 40, judge: "simulator" },
    execution: { batchSize: 50, tickSeconds: 1 },
  });
  runId = run.runId;
  cycles = run.cycles;
  expect(cycles.map((cycle) => cycle.status)).toEqual(["DONE", "DONE"]);
});

test("benchmark figures of the base model and each cycle appear on the cycle page, the overview and Compare", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  const [first, second] = cycles as [RunCycle, RunCycle];

  await page.goto(`/cycles/${second.id}`);
  const panel = page.getByTestId("benchmarks");
  const tempcompass = panel.getByTestId("benchmark-tempcompass");
  await expect(tempcompass.getByRole("table", { name: "tempcompass per cycle" }).getByRole("row")).toHaveCount(4);
  await expect(tempcompass.getByRole("cell", { name: "base model" })).toBeVisible();
  await expect(tempcompass.getByRole("cell", { name: "cycle 2" })).toBeVisible();
  await expect(tempcompass.getByTestId("paper-reference")).toBeVisible();
  await expect(tempcompass.getByText("Paper: +6.1 points")).toBeVisible();
  await expect(panel.getByTestId("benchmark-msvd_qa")).toBeVisible();
  await expect(panel.getByText("Simulated").first()).toBeVisible();

  // The answers lmms-eval logged for MSVD-QA, cycle 2.
  const msvd = panel.getByTestId("benchmark-msvd_qa");
  await msvd.getByRole("row").filter({ hasText: "cycle 2" }).getByRole("button", { name: "show" }).click();
  await expect(msvd.getByTestId("benchmark-samples").getByRole("table", { name: "msvd_qa answers" }).getByRole("row")).toHaveCount(41);

  await page.goto("/cycles");
  await page.getByLabel("Run benchmarked").selectOption(String(runId));
  await expect(page.getByTestId("benchmark-chart-tempcompass")).toBeVisible();
  await expect(page.getByTestId("benchmark-tempcompass").getByRole("cell", { name: "cycle 1" })).toBeVisible();

  await page.goto(`/cycles/compare?a=${first.id}&b=${second.id}`);
  const compared = page.getByTestId("benchmark-msvd_qa");
  await expect(compared.getByRole("cell", { name: "cycle 1" })).toBeVisible();
  await expect(compared.getByRole("cell", { name: "cycle 2" })).toBeVisible();

  const csv = await page.request.get(`/api/benchmarks.csv?runs=${runId}`);
  expect(csv.ok()).toBe(true);
  const lines = (await csv.text()).trim().split("\n");
  expect(lines[0]).toMatch(/^run_id,cycle,task,/);
  // tempcompass, msvd_qa and tempcompass's two subtasks, for the base model and two cycles.
  expect(lines).toHaveLength(1 + 4 * 3);
  expect(lines.slice(1).every((line) => line.endsWith(",simulated"))).toBe(true);
});
