import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { signIn } from "./sign-in";

// The researcher's cockpit against the demo: the simulator as backend, the demo's clips. The demo
// datasets are small (Kinetics: 2 training questions, STAR: 11), so the run uses both, with the
// default two cycles: the first rationalizes what it answered wrong and always has data to train on.
const DATASET = "Kinetics-700 (demo)";
const SECOND_DATASET = "STAR (demo)";

async function openLaunchForm(page: Page): Promise<void> {
  await signIn(page, "researcher@demo.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cycles" }).click();
  await page.getByRole("link", { name: "Launch a cycle" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Launch a cycle" })).toBeVisible();
}

test("the backends page shows the simulator as simulated and lists what it serves", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto("/backends");
  const simulator = page.getByTestId("backend-simulator");
  await expect(simulator.getByText("Simulated")).toBeVisible();
  await simulator.getByRole("button", { name: "Check health" }).click();
  await expect(simulator.getByTestId("backend-health")).toContainText("up");
  await expect(simulator.getByRole("list", { name: "Served models" })).toContainText("Qwen2.5-VL-7B-Instruct");
  // A researcher sees backends but does not edit them.
  await expect(page.getByRole("button", { name: "Add backend" })).toHaveCount(0);
});

test("launch settings are checked as they are edited, with the message in words beside the field", async ({ page }) => {
  await openLaunchForm(page);
  // Advanced groups start closed, with the paper's defaults filled in.
  for (const section of ["Prompts", "Sampling", "Training", "Execution", "Verifier"])
    await expect(page.locator("details").filter({ has: page.locator("summary", { hasText: section }) })).not.toHaveAttribute("open");
  await expect(page.getByLabel("Temperature")).toBeHidden();
  await expect(page.getByLabel("Temperature")).toHaveValue("0.2");
  await expect(page.getByLabel("Max new tokens")).toHaveValue("1024");
  await expect(page.getByLabel("Learning rate")).toHaveValue("0.00002");
  await expect(page.getByLabel("Max cycles")).toBeVisible();

  // Every text the estimate shows from the tick on: never "choose a dataset" while one is ticked.
  await page.getByTestId("estimate-waiting").evaluate((element) => {
    const section = element.closest("section") as HTMLElement;
    const seen: string[] = [];
    (window as unknown as { estimateTexts: string[] }).estimateTexts = seen;
    new MutationObserver(() => seen.push(section.textContent ?? "")).observe(section, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await page.getByLabel(`Use dataset ${DATASET}`).check();
  await expect(page.getByTestId("estimate-generations")).toContainText("expected");
  const shown = await page.evaluate(() => (window as unknown as { estimateTexts: string[] }).estimateTexts);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((text) => /choose at least one dataset/i.test(text))).toEqual([]);

  await page.getByText("Sampling", { exact: true }).click();
  await page.getByLabel("Temperature").fill("5");
  await expect(page.locator("#cfg-sampling-temperature-error")).toHaveText("at most 2");
  await page.getByLabel("Max cycles").fill("0");
  await expect(page.locator("#cfg-stopRule-maxCycles-error")).toHaveText("at least 1");
  await page.getByLabel(`Questions to use (${DATASET})`).fill("-3");
  await expect(page.locator("[id$='-sampleSize-error']")).toHaveText("more than 0");

  // Launching anyway is refused by the engine with the same messages in the same places, and the
  // first problem is brought into view with its field focused.
  await page.getByRole("button", { name: "Launch" }).click();
  await expect(page.locator("#cfg-sampling-temperature-error")).toBeVisible();
  await expect(page.getByLabel(`Questions to use (${DATASET})`)).toBeFocused();
  await expect(page).toHaveURL(/\/cycles\/new$/);

  // A problem in a closed section opens it.
  await page.getByLabel(`Questions to use (${DATASET})`).fill("");
  await page.getByLabel("Max cycles").fill("2");
  await page.getByText("Sampling", { exact: true }).click();
  await expect(page.getByLabel("Temperature")).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole("button", { name: "Launch" }).click();
  await expect(page.getByLabel("Temperature")).toBeFocused();
  await expect(page.getByLabel("Temperature")).toBeInViewport();

  await page.getByLabel("Temperature").fill("0.2");
  await expect(page.locator("#cfg-sampling-temperature-error")).toHaveCount(0);
  await page.getByLabel(`Use dataset ${DATASET}`).uncheck();
  await expect(page.getByTestId("estimate-waiting")).toHaveText("Choose at least one dataset to see an estimate.");
  await page.getByRole("button", { name: "Launch" }).click();
  await expect(page.locator("#cfg-datasets-error")).toContainText("at least one dataset");
});

test("cancelling a run asks first and says what Resume and Retry do", async ({ page }) => {
  test.setTimeout(180_000);
  await openLaunchForm(page);
  await page.getByLabel("Run name").fill("e2e cancelled run");
  await page.getByLabel(`Use dataset ${SECOND_DATASET}`).check();
  // A slow engine tick keeps the run going while the test asks twice (a cancel still acts at once).
  await page.getByText("Execution", { exact: true }).click();
  await page.getByLabel("Engine tick (s)").fill("30");
  await page.getByRole("button", { name: "Launch" }).click();
  await expect(page).toHaveURL(/\/cycles\/\d+$/, { timeout: 30_000 });

  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  const confirm = page.getByRole("alertdialog", { name: "Cancel this run?" });
  await expect(confirm).toContainText("Resume");
  await expect(confirm).toContainText("Retry");
  await expect(confirm).toContainText("Nothing is deleted");
  await confirm.getByRole("button", { name: "Keep it running" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId("cycle-status")).not.toHaveAttribute("data-status", "CANCELLED");

  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await confirm.getByRole("button", { name: "Cancel the run" }).click();
  await expect(page.getByTestId("cycle-status")).toHaveAttribute("data-status", "CANCELLED", { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();

  // The run's end reaches the researcher who launched it: the bell counts it, the list says it was simulated.
  const cyclePath = new URL(page.url()).pathname;
  await page.goto("/datasets");
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible({ timeout: 30_000 });
  await bell.click();
  const panel = page.getByRole("region", { name: "Notifications" });
  const ended = panel.getByTestId("notification").filter({ hasText: "Run “e2e cancelled run” (simulated) was cancelled in cycle 1." });
  await expect(ended).toHaveAttribute("data-read", "false");
  await expect(ended.getByText("Simulated", { exact: true })).toBeVisible();
  await ended.getByRole("link", { name: "Open the cycle" }).click();
  await expect(page).toHaveURL(new RegExp(`${cyclePath}$`));
  await page.getByRole("button", { name: /^Notifications/ }).click();
  await expect(
    page.getByRole("region", { name: "Notifications" }).getByTestId("notification").filter({ hasText: "e2e cancelled run" }),
  ).toHaveAttribute("data-read", "true");
});

test("a researcher launches a cycle on the demo, watches it finish, sees the yield chart and downloads its training data", async ({
  page,
}) => {
  test.setTimeout(420_000);
  await openLaunchForm(page);
  await page.getByLabel("Run name").fill("e2e cockpit run");
  await page.getByLabel(`Use dataset ${DATASET}`).check();
  await page.getByLabel(`Use dataset ${SECOND_DATASET}`).check();
  await expect(page.getByTestId("estimate-generations")).toContainText("over up to 2 cycles");
  await page.getByRole("button", { name: "Launch" }).click();

  await expect(page).toHaveURL(/\/cycles\/\d+$/, { timeout: 30_000 });
  const cycleId = Number(new URL(page.url()).pathname.split("/").at(-1));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("e2e cockpit run");
  // The stages fill in live (polling) until the cycle is done.
  await expect(page.getByTestId("stage-GENERATE")).toHaveAttribute("data-state", "done", { timeout: 180_000 });
  await expect(page.getByTestId("stage-VERIFY")).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  await expect(page.getByTestId("stage-RATIONALIZE")).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  await expect(page.getByTestId("stage-TRAIN")).toHaveAttribute("data-state", "done", { timeout: 180_000 });
  await expect(page.getByTestId("cycle-status")).toHaveAttribute("data-status", "DONE", { timeout: 120_000 });
  await expect(page.getByTestId("stage-EVALUATE")).toHaveAttribute("data-state", /done|skipped/);
  await expect(page.getByRole("progressbar", { name: "generate progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("output-checkpoint")).toContainText("produced");
  await expect(page.getByTestId("training-run").first()).toContainText("succeeded");
  // The yield says what it is over, and that the simulator answered.
  await expect(page.getByTestId("cycle-yield")).toContainText(/answer yield .* of \d+ questions answered/);
  await expect(page.getByTestId("cycle-yield").getByText("Simulated")).toBeVisible();
  // Beside the training data figures: how many verified answers audits kept out of it (none audited here).
  await expect(page.getByTestId("cycle-training-data")).toContainText(/training data \d+ examples/);
  await expect(page.getByTestId("cycle-left-out-by-audits")).toHaveText("0 left out by audits");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cycles" }).click();
  const yieldChart = page.getByTestId("yield-chart");
  await expect(yieldChart).toContainText(`${DATASET} · answers`);
  // A point per cycle with a yield (a line needs two cycles; the second may still be running), each with its n.
  const point = yieldChart.getByTestId("chart-point").first();
  await expect(point).toBeVisible();
  await expect(point).toHaveAttribute("data-n", /^[1-9]\d*$/);
  await expect(point.locator("text")).toHaveText(/^n \d+$/);
  // Every cycle is named on the x axis, and both axes say what they measure.
  const plot = yieldChart.getByRole("application");
  for (const tick of ["cycle 1", "cycle 2"]) await expect(plot.locator(".recharts-xAxis-tick-labels")).toContainText(tick);
  await expect(plot).toContainText("e2e cockpit run");
  await expect(plot).toContainText("passed, of answered");
  await expect(page.getByTestId("yield-chart-simulated")).toContainText("e2e cockpit run · cycle 1");

  await page.goto(`/generations?cycleId=${cycleId}`);
  await expect(page.getByTestId("generation-row").first()).toBeVisible();
  await page.getByTestId("generation-row").first().getByRole("link").first().click();
  await expect(page.getByTestId("answer-text")).not.toBeEmpty();

  await page.goto(`/exports?cycleId=${cycleId}`);
  await page.getByLabel("Format").selectOption("JSONL");
  const [created] = await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).pathname === "/api/exports" && response.request().method() === "POST"),
    page.getByRole("button", { name: "Create export" }).click(),
  ]);
  expect(created.status()).toBe(201);
  const { id: exportId } = (await created.json()) as { id: number };
  // The worker writes it; the list shows its progress until it can be downloaded.
  const row = page.getByTestId(`export-${exportId}`);
  await expect(row).toContainText("jsonl");
  const download = row.getByRole("link", { name: "Download" });
  await expect(download).toBeVisible({ timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toBe(`vstar-cycle-${cycleId}-export-${exportId}-generations.jsonl`);
  const lines = readFileSync(await file.path(), "utf8")
    .trim()
    .split("\n");
  const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.length).toBeGreaterThan(0);
  // Answers from the simulator say so in every exported record.
  expect(records.every((record) => record.simulated === true)).toBe(true);
  await expect(row.getByText("Simulated")).toBeVisible();
  await expect(row).toContainText(String(records.length));

  // Preference pairs for DPO from the same cycle: chosen vs rejected answers, each pair with its source.
  await page.getByLabel("Format").selectOption("LLAMA_FACTORY_DPO");
  await expect(page.getByTestId("dpo-explanation")).toContainText("stage: dpo");
  const [createdDpo] = await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).pathname === "/api/exports" && response.request().method() === "POST"),
    page.getByRole("button", { name: "Create export" }).click(),
  ]);
  expect(createdDpo.status()).toBe(201);
  const { id: dpoId } = (await createdDpo.json()) as { id: number };
  const dpoRow = page.getByTestId(`export-${dpoId}`);
  await expect(dpoRow).toContainText("llama-factory-dpo");
  const dpoDownload = dpoRow.getByRole("link", { name: "Download" });
  await expect(dpoDownload).toBeVisible({ timeout: 60_000 });
  const [dpoFile] = await Promise.all([page.waitForEvent("download"), dpoDownload.click()]);
  const dataset = `vstar_c${cycleId}_dpo`;
  expect(dpoFile.suggestedFilename()).toBe(`vstar-cycle-${cycleId}-export-${dpoId}-${dataset}.zip`);
  const zipped = unzipSync(new Uint8Array(readFileSync(await dpoFile.path())));
  expect(Object.keys(zipped).sort()).toEqual(
    ["README.md", "dataset_info.json", `${dataset}.json`, "manifest.json"].map((name) => `${dataset}/${name}`).sort(),
  );
  const info = JSON.parse(strFromU8(zipped[`${dataset}/dataset_info.json`]!)) as Record<string, { ranking: boolean; formatting: string }>;
  expect(info[dataset]).toMatchObject({ ranking: true, formatting: "sharegpt" });
  const pairs = JSON.parse(strFromU8(zipped[`${dataset}/${dataset}.json`]!)) as {
    chosen: { role: string };
    source: string;
    simulated: boolean;
  }[];
  const manifest = JSON.parse(strFromU8(zipped[`${dataset}/manifest.json`]!)) as { pairs: number; simulatedPairs: number };
  expect(manifest.pairs).toBe(pairs.length);
  // The first cycle answered some questions wrong and rationalized them right: those make pairs.
  expect(pairs.length).toBeGreaterThan(0);
  // The simulator wrote every answer: every pair says so.
  expect(manifest.simulatedPairs).toBe(pairs.length);
  expect(pairs.every((pair) => pair.simulated && pair.chosen.role === "assistant" && pair.source === "verifier")).toBe(true);
  await expect(dpoRow).toContainText(`${pairs.length} pairs`);
});
