import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { signIn } from "./sign-in";
import { queryE2e, runCyclesToCompletion, type RunCycle } from "./simulated-run";

// A real two-cycle run on the demo's FineDiving dataset: launched with `npm run cycle`, answered by
// the simulator over HTTP, checked by the real verifier, trained and evaluated by the app's workers.
const RUN_NAME = "FineDiving AQA e2e run (simulator)";
const DATASET = "FineDiving (demo)";

interface AqaCycle extends RunCycle {
  /** The cycle's FineDiving aqa-* answers (ANSWER mode), ascending: the dives the review lists. */
  generationIds: number[];
}

let cycles: AqaCycle[];

async function aqaAnswerIds(cycleId: number): Promise<number[]> {
  const rows = await queryE2e<{ id: number }>(
    `SELECT g.id FROM "Generation" g JOIN "Question" q ON q.id = g."questionId" JOIN "Dataset" d ON d.id = q."datasetId"
      WHERE g."cycleId" = $1 AND g.mode = 'ANSWER' AND q.kind LIKE 'aqa-%' AND d.format = 'FINEDIVING' ORDER BY g.id`,
    [cycleId],
  );
  return rows.map((row) => row.id);
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const run = await runCyclesToCompletion({
    name: RUN_NAME,
    datasets: [{ dataset: DATASET, sampleSize: null, splits: ["train"] }],
    evaluation: { enabled: true, sampleSize: null, splits: ["test"] },
    backends: { inference: "simulator", training: "simulator-ray" },
    stopRule: { maxCycles: 2 },
    execution: { batchSize: 50, tickSeconds: 1 },
  });
  expect(run.cycles.map((cycle) => [cycle.index, cycle.status])).toEqual([
    [1, "DONE"],
    [2, "DONE"],
  ]);
  cycles = await Promise.all(run.cycles.map(async (cycle) => ({ ...cycle, generationIds: await aqaAnswerIds(cycle.id) })));
  // The demo's four training dives, each asked an AQA explanation and an AQA score.
  for (const cycle of cycles) expect(cycle.generationIds).toHaveLength(8);
});

test("a PI reviews a real cycle's diving explanations and signs one off, which the audit log records", async ({ page }) => {
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
  // Four dives with different scores: ρ and R-ℓ2 are figures, not "needs 2 scored answers".
  await expect(page.getByTestId("metric-spearman-value")).toHaveText(/^-?\d\.\d{3}$/);
  await expect(page.getByTestId("metric-relative-l2-value")).toHaveText(/^\d+\.\d{3}$/);
  await expect(page.getByRole("table", { name: "Metrics per cycle" }).getByRole("row")).toHaveCount(3);
  // The simulator wrote every answer: the figures say so, each of them.
  await expect(page.getByTestId("simulated-note")).toContainText("All 8 answers come from a simulated backend");
  await expect(page.getByTestId("metric-spearman").getByText("Simulated")).toBeVisible();
  await expect(page.getByTestId("metric-sequence").getByText("Simulated")).toBeVisible();
  const rows = page.getByTestId("dive-row");
  await expect(rows).toHaveCount(cycles[1]!.generationIds.length);
  await expect(rows.first().getByText("Simulated")).toBeVisible();
  // A score-only question is never graded on difficulty or sub-actions.
  const scoreOnly = rows.filter({ hasText: "aqa-score" });
  await expect(scoreOnly).toHaveCount(4);
  for (const row of await scoreOnly.all()) await expect(row).not.toContainText(/wrong|missing/);

  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/aqa/dives/${Math.min(...cycles[1]!.generationIds)}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Dive / })).toBeVisible();
  await expect(page.getByTestId("rationale")).not.toBeEmpty();
  const timeline = page.getByTestId("video-timeline");
  await expect(timeline.getByRole("button").first()).toBeVisible();
  await expect(timeline).toContainText("True");
  await expect(timeline).toContainText("Entry");
  await expect(page.getByLabel("Judges' scores")).toBeVisible();

  // Nothing is decided for the PI: no decision is chosen, and signing off without one says so.
  await expect(page.getByLabel("Explanation accepted")).not.toBeChecked();
  await expect(page.getByLabel("Explanation rejected")).not.toBeChecked();
  await page.getByRole("button", { name: "Sign off" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose whether the explanation is accepted or rejected" })).toBeVisible();
  await expect(page.getByTestId("sign-off").filter({ hasText: "Priya PI" })).toHaveCount(0);

  // The reason is typed where one starts typing, before the decision is picked.
  await page.getByLabel("Reason").fill("the final multiplication does not match the judges");
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill("checked against the panel rule");
  await page.getByLabel("Explanation rejected").check();
  // The optional 1–5 quality score, by keyboard: from "none", two steps right.
  await page.getByRole("radio", { name: "Explanation quality: none" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Explanation quality: 2" })).toBeChecked();
  await page.getByRole("button", { name: "Sign off" }).click();
  const signOff = page.getByTestId("sign-off").filter({ hasText: "Priya PI" });
  await expect(signOff).toContainText("Rejected");
  await expect(signOff).toContainText("quality 2/5");
  await expect(signOff).toContainText("the final multiplication does not match the judges");

  const diveId = Number(new URL(page.url()).pathname.split("/").at(-1));
  const logged = await queryE2e<{ decision: string; reason: string; email: string }>(
    `SELECT a.details->>'decision' AS decision, a.details->>'reason' AS reason, u.email
       FROM "AuditLogEntry" a JOIN "User" u ON u.id = a."actorId"
      WHERE a.action = 'aqa.explanation.sign-off' AND a."targetType" = 'Generation' AND a."targetId" = $1`,
    [String(diveId)],
  );
  expect(logged).toEqual([{ decision: "REJECTED", reason: "the final multiplication does not match the judges", email: "pi@demo.local" }]);

  await page.reload();
  await expect(page.getByTestId("sign-off").filter({ hasText: "Priya PI" })).toContainText("Rejected");
  await page.getByRole("link", { name: /cycle 2$/ }).click();
  await expect(page.getByTestId("dive-row").first()).toContainText("you: rejected");

  // One person's score is not agreement; two more people scoring two dives is.
  await expect(page.getByTestId("sign-off-quality-icc")).toContainText("not enough paired scores");
  const [, otherDive] = cycles[1]!.generationIds;
  for (const [email, generationId, score] of [
    ["researcher@demo.local", diveId, 3],
    ["researcher@demo.local", otherDive, 5],
    ["admin@demo.local", diveId, 2],
    ["admin@demo.local", otherDive, 5],
  ] as const) {
    await queryE2e(
      `INSERT INTO "ExplanationSignOff" ("generationId", "userId", decision, "qualityScore")
       SELECT $1, id, 'ACCEPTED', $2 FROM "User" WHERE email = $3`,
      [generationId, score, email],
    );
  }
  await page.reload();
  await expect(page.getByTestId("sign-off-quality-icc")).toHaveText(/^\d\.\d{3} \(95 % CI -?\d+\.\d{3} to \d\.\d{3}\)$/);
  await expect(page.getByTestId("sign-off-agreement")).toContainText("2 dives × 2 raters: 4 of 5 scores");
});

test("the cycle's CSV report has one row per dive, and the printable report lists them", async ({ page }) => {
  await signIn(page, "pi@demo.local");
  const cycle = cycles[1]!;
  const response = await page.request.get(`/api/aqa/cycles/${cycle.id}/report.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
  expect(rows.map((row) => Number(row.generation_id))).toEqual([...cycle.generationIds].sort((a, b) => a - b));
  expect(Object.keys(rows[0] ?? {})).toContain("arithmetic_flag_details");
  expect(rows.map((row) => row.simulated)).toEqual(rows.map(() => "yes"));
  expect(rows.filter((row) => row.question_kind === "aqa-score").map((row) => [row.difficulty_correct, row.sequence_correct])).toEqual(
    rows.filter((row) => row.question_kind === "aqa-score").map(() => ["", ""]),
  );

  await page.goto(`/aqa/cycles/${cycle.id}/report`);
  await expect(page.getByRole("heading", { level: 1, name: /FineDiving AQA report/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Every dive" }).locator("tbody tr")).toHaveCount(cycle.generationIds.length);
  await expect(page.getByTestId("simulated-note")).toBeVisible();
  // The sign-off made in the first test, with its reason and its comment.
  const signed = page.getByTestId("report-sign-off").filter({ hasText: "Priya PI" });
  await expect(signed).toContainText("rejected by Priya PI: the final multiplication does not match the judges");
  await expect(signed).toContainText("Comment: checked against the panel rule");
});

test("the held-out tab states one rule for ρ and relative ℓ2, and never contradicts its own count", async ({ page }) => {
  await signIn(page, "pi@demo.local");
  await page.goto(`/aqa/cycles/${cycles[1]!.id}?mode=EVALUATION`);
  const spearman = page.getByTestId("metric-spearman");
  await expect(spearman).toBeVisible();
  const basis = (await spearman.textContent()) ?? "";
  const scored = Number(/(\d+) of \d+ answers state a score/.exec(basis)?.[1]);
  expect(Number.isInteger(scored)).toBe(true);
  for (const metric of ["metric-spearman", "metric-relative-l2"]) {
    const interval = page.getByTestId(`${metric}-interval`);
    await expect(interval).not.toContainText("needs 2 scored answers");
    // "needs at least 2 answers" appears only when fewer than 2 state a score.
    if (scored >= 2) await expect(interval).not.toContainText("needs at least");
  }
  // The trend's accuracy over a single held-out answer is drawn as uncertain (hollow, dashed), with its n.
  await expect(page.locator('[data-testid="trend-point"][data-n="1"]').first()).toHaveAttribute("stroke-dasharray", "2 2");
});

test("an annotator cannot open the AQA review", async ({ page }) => {
  await signIn(page, "annotator@demo.local");
  expect((await page.goto(`/aqa/cycles/${cycles[0]!.id}`))?.status()).toBe(403);
  expect((await page.request.get(`/api/aqa/cycles/${cycles[0]!.id}`)).status()).toBe(403);
});
