import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { signIn } from "./sign-in";

// A simulated two-cycle run over the demo's FineDiving questions, written into the e2e database the
// way the cycle engine records answers (the seeding script creates the dives when the demo has none).
const RUN_NAME = "FineDiving AQA review demo (simulated)";

function e2eDatabaseUrl(): string {
  const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
  const password = readFileSync(path.join(dataDir, "postgres", "password"), "utf8").trim();
  const port = process.env.E2E_PG_PORT ?? "54349";
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/vstar`;
}

interface Seeded {
  runId: number;
  cycles: { cycleId: number; index: number; generationIds: number[] }[];
}

let seeded: Seeded;

test.beforeAll(() => {
  const output = execFileSync(process.execPath, ["--import", "tsx", "lib/aqa-review/testing/seed-simulated-cycle.ts"], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
    timeout: 120_000,
  });
  seeded = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Seeded;
  expect(seeded.cycles).toHaveLength(2);
  expect(seeded.cycles[1]?.generationIds.length).toBeGreaterThan(0);
});

test("a PI reviews a simulated cycle's diving explanations and signs one off", async ({ page }) => {
  await signIn(page, "pi@demo.local");
  await expect(page).toHaveURL(/\/aqa$/);
  await expect(page.getByRole("heading", { level: 1, name: "FineDiving explanations" })).toBeVisible();

  const run = page.getByRole("region", { name: RUN_NAME });
  await run.getByRole("link", { name: "Review cycle 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Cycle 2 · ${RUN_NAME}` })).toBeVisible();
  for (const metric of ["metric-spearman", "metric-relative-l2", "metric-difficulty", "metric-sequence", "metric-arithmetic"]) {
    await expect(page.getByTestId(metric)).toBeVisible();
  }
  await expect(page.getByTestId("metric-spearman")).toContainText("published ≈ 0.94");
  await expect(page.getByTestId("metric-relative-l2")).toContainText("published ≈ 0.26");
  await expect(page.getByRole("table", { name: "Metrics per cycle" }).getByRole("row")).toHaveCount(3);
  const rows = page.getByTestId("dive-row");
  await expect(rows).toHaveCount(seeded.cycles[1]!.generationIds.length);

  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/aqa/dives/${Math.min(...seeded.cycles[1]!.generationIds)}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Dive / })).toBeVisible();
  await expect(page.getByTestId("rationale")).not.toBeEmpty();
  const timeline = page.getByTestId("video-timeline");
  await expect(timeline.getByRole("button").first()).toBeVisible();
  await expect(timeline).toContainText("True");
  await expect(timeline).toContainText("Entry");
  await expect(page.getByLabel("Judges' scores")).toBeVisible();

  await page.getByLabel("Explanation rejected").check();
  await page.getByLabel("Reason (required)").fill("the final multiplication does not match the judges");
  await page.getByLabel("Comment").fill("checked against the panel rule");
  await page.getByRole("button", { name: "Sign off" }).click();
  const signOff = page.getByTestId("sign-off").filter({ hasText: "Priya PI" });
  await expect(signOff).toContainText("Rejected");
  await expect(signOff).toContainText("the final multiplication does not match the judges");

  await page.reload();
  await expect(page.getByTestId("sign-off").filter({ hasText: "Priya PI" })).toContainText("Rejected");
  await page.getByRole("link", { name: /cycle 2$/ }).click();
  await expect(page.getByTestId("dive-row").first()).toContainText("you: rejected");
});

test("the cycle's CSV report has one row per dive, and the printable report lists them", async ({ page }) => {
  await signIn(page, "pi@demo.local");
  const cycle = seeded.cycles[1]!;
  const response = await page.request.get(`/api/aqa/cycles/${cycle.cycleId}/report.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
  expect(rows.map((row) => Number(row.generation_id))).toEqual([...cycle.generationIds].sort((a, b) => a - b));
  expect(Object.keys(rows[0] ?? {})).toContain("arithmetic_flag_details");

  await page.goto(`/aqa/cycles/${cycle.cycleId}/report`);
  await expect(page.getByRole("heading", { level: 1, name: /FineDiving AQA report/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Every dive" }).locator("tbody tr")).toHaveCount(cycle.generationIds.length);
});

test("an annotator cannot open the AQA review", async ({ page }) => {
  await signIn(page, "annotator@demo.local");
  expect((await page.goto(`/aqa/cycles/${seeded.cycles[0]!.cycleId}`))?.status()).toBe(403);
  expect((await page.request.get(`/api/aqa/cycles/${seeded.cycles[0]!.cycleId}`)).status()).toBe(403);
});
