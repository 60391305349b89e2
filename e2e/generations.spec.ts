import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { signIn } from "./sign-in";
import { queryE2e, runCyclesToCompletion, type RunCycle } from "./simulated-run";

// The explorer, a generation's page and a LLaMA-Factory download on a real two-cycle run of the
// demo's STAR dataset (launched with `npm run cycle`, answered by the simulator over HTTP, checked by
// the real verifier): STAR clips carry interval labels, and both cycles ask the same questions.

let cycles: RunCycle[];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const run = await runCyclesToCompletion({
    name: "STAR explorer e2e run (simulator)",
    datasets: [{ dataset: "STAR (demo)", sampleSize: null, splits: ["train"] }],
    evaluation: { enabled: false },
    backends: { inference: "simulator", training: "simulator-ray" },
    stopRule: { maxCycles: 2, minYieldGain: 0 },
    execution: { batchSize: 50, tickSeconds: 1 },
  });
  expect(run.cycles.map((cycle) => cycle.status)).toEqual(["DONE", "DONE"]);
  cycles = run.cycles;
});

const STOP_WORDS = new Set(["about", "there", "their", "where", "which", "these", "those", "other", "after", "before", "while", "being"]);

/** Three words that follow each other in an answer of the cycle (not stop words, so the full-text index holds them). */
async function adjacentWords(cycleId: number): Promise<{ id: number; words: [string, string, string] }> {
  const rows = await queryE2e<{ id: number; text: string }>(`SELECT id, text FROM "Generation" WHERE "cycleId" = $1 ORDER BY id`, [
    cycleId,
  ]);
  for (const row of rows) {
    const tokens = row.text.split(" ");
    for (let i = 0; i + 2 < tokens.length; i += 1) {
      const three = tokens.slice(i, i + 3);
      if (three.every((word) => /^[a-z]{5,}$/.test(word) && !STOP_WORDS.has(word)))
        return { id: row.id, words: three as [string, string, string] };
    }
  }
  throw new Error(`no answer of cycle ${cycleId} has three plain words in a row`);
}

async function shownIds(page: Page): Promise<number[]> {
  await expect(page.getByTestId("generation-row").first()).toBeVisible();
  const ids = await page.getByTestId("generation-row").locator("a span.font-mono").allTextContents();
  return ids.map((id) => Number(id.replace("#", "")));
}

test("the explorer counts the matches, sorts, takes a quoted phrase word for word, and opens a row from anywhere on it", async ({
  page,
}) => {
  const cycle = cycles[1]!;
  const [{ n }] = (await queryE2e<{ n: number }>(`SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1`, [cycle.id])) as [
    { n: number },
  ];
  await signIn(page, "researcher@demo.local");
  await page.goto(`/generations?cycleId=${cycle.id}`);
  await expect(page.getByTestId("generations-total")).toHaveText(`${n} generation${n === 1 ? "" : "s"}`);
  const newest = await shownIds(page);
  expect(newest).toEqual([...newest].sort((a, b) => b - a));
  // The first rows come with the page itself (no request after it to wait for).
  const html = await (await page.request.get(`/generations?cycleId=${cycle.id}`)).text();
  expect(html).toContain(`href="/generations/${newest[0]}"`);
  const [{ min }] = (await queryE2e<{ min: number }>(`SELECT min(id) AS min FROM "Generation" WHERE "cycleId" = $1`, [cycle.id])) as [
    { min: number },
  ];
  await page.getByLabel("Sort").selectOption("oldest");
  await expect(page).toHaveURL(/sort=oldest/);
  await expect.poll(async () => (await shownIds(page))[0]).toBe(min);
  const oldest = await shownIds(page);
  expect(oldest).toEqual([...oldest].sort((a, b) => a - b));

  // Typed with typographic quotes, as a word processor or a phone types them.
  const { id, words } = await adjacentWords(cycle.id);
  const search = page.getByLabel("Search answers");
  await search.fill(`\u201C${words.join(" ")}\u201D`);
  await search.press("Enter");
  await expect(page.getByTestId("generations-total")).toContainText("match");
  expect(await shownIds(page)).toContain(id);
  // The same words in another order are not the phrase.
  await search.fill(`\u201C${[...words].reverse().join(" ")}\u201D`);
  await search.press("Enter");
  await expect(page.getByText("No generation matches these filters.")).toBeVisible();
  await expect(page.getByTestId("generations-total")).toContainText("0 generations");

  await search.fill("");
  await search.press("Enter");
  const row = page.getByTestId("generation-row").first();
  const rowId = (await row.locator("a span.font-mono").textContent())?.replace("#", "");
  await row.getByTestId("generation-question").click();
  await expect(page).toHaveURL(new RegExp(`/generations/${rowId}$`));
});

test("a generation's page shows the clip with its labels, the verifier's matches in the answer, its verdict and the other cycles", async ({
  page,
}) => {
  const [first, second] = cycles as [RunCycle, RunCycle];
  // A passing direct answer of cycle 2 whose verdict located a label part in the text.
  const [target] = await queryE2e<{ id: number }>(
    `SELECT g.id FROM "Generation" g JOIN "Verdict" v ON v."generationId" = g.id AND v.passed
      WHERE g."cycleId" = $1 AND g.mode = 'ANSWER' AND jsonb_path_exists(v.matches, '$[*] ? (@.start >= 0)')
      ORDER BY g.id LIMIT 1`,
    [second.id],
  );
  expect(target).toBeDefined();
  await signIn(page, "researcher@demo.local");
  await page.goto(`/generations?cycleId=${second.id}&verdict=passed&sort=oldest`);
  const row = page
    .getByTestId("generation-row")
    .filter({ has: page.locator("span.font-mono", { hasText: new RegExp(`^#${target!.id}$`) }) });
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/generations/${target!.id}$`));

  const player = page.getByTestId("generation-player");
  await expect(player.locator("video")).toHaveCount(1);
  // STAR interval labels as markers on the seek bar, listed in the ground truth beside it.
  await expect(player.getByTestId("seek-marker").first()).toBeAttached();
  await expect(page.getByRole("region", { name: "Ground truth" })).toContainText("s");
  const answer = page.getByTestId("answer-text");
  await expect(answer.locator('[data-matched="true"]').first()).toBeVisible();
  await expect(answer).not.toContainText('"start"');
  await expect(page.getByTestId("verdict")).toContainText("Passed");
  await expect(page.getByTestId("verdict")).toContainText("found");
  await expect(page.getByRole("region", { name: "Audits" })).toContainText("Nobody has audited this answer.");
  const sideBySide = page.getByTestId("side-by-side");
  await expect(sideBySide).toContainText(`cycle ${first.index}`);
});

test("a saved view opens by its link for a PI, and the researcher adds a selection and then all it matches to a review queue", async ({
  page,
  browser,
}) => {
  const [first, second] = cycles as [RunCycle, RunCycle];
  const failedOf = async (cycleId: number) =>
    (
      await queryE2e<{ id: number }>(
        `SELECT g.id FROM "Generation" g
          JOIN LATERAL (SELECT passed FROM "Verdict" WHERE "generationId" = g.id ORDER BY "createdAt" DESC, id DESC LIMIT 1) v ON true
          WHERE g."cycleId" = $1 AND v.passed IS FALSE ORDER BY g.id`,
        [cycleId],
      )
    ).map((row) => row.id);
  const failed = await failedOf(second.id);
  expect(failed.length).toBeGreaterThan(2);
  const total = (n: number) => `${n} generation${n === 1 ? "" : "s"}`;

  await signIn(page, "researcher@demo.local");
  const origin = new URL(page.url()).origin;
  const queueName = `Explorer additions ${Date.now()}`;
  const created = await page.request.post("/api/review/queues", {
    headers: { origin },
    data: { name: queueName, cycleId: second.id, size: 3, seed: 11, overlap: 1 },
  });
  expect(created.status()).toBe(201);
  const queueId = ((await created.json()) as { id: number }).id;
  const itemsOfQueue = async () =>
    (await queryE2e<{ generationId: number }>(`SELECT "generationId" FROM "ReviewQueueItem" WHERE "queueId" = $1`, [queueId])).map(
      (row) => row.generationId,
    );

  // Save the filters, the verdict and the sort as a view: its link is in the URL and in the list.
  await page.goto(`/generations?cycleId=${second.id}&verdict=failed&sort=oldest`);
  await expect(page.getByTestId("generations-total")).toHaveText(total(failed.length));
  const viewName = `Failed answers of cycle ${second.index} ${Date.now()}`;
  await page.getByLabel("View name").fill(viewName);
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page).toHaveURL(/[?&]view=\d+/);
  const viewId = new URL(page.url()).searchParams.get("view");
  const link = page.getByRole("link", { name: `Share link to ${viewName}` });
  await expect(link).toHaveAttribute("href", `/generations?view=${viewId}`);
  await expect(page.getByTestId("view-banner")).toContainText(viewName);

  // A PI opens the link: the same filters, the same rows, and no queue actions.
  const pi = await browser.newPage();
  try {
    await signIn(pi, "pi@demo.local");
    await pi.goto(`/generations?view=${viewId}`);
    await expect(pi.getByTestId("view-banner")).toContainText(`Showing the saved view “${viewName}” of`);
    await expect(pi).toHaveURL(new RegExp(`cycleId=${second.id}`));
    await expect(pi).toHaveURL(/verdict=failed/);
    await expect(pi.getByTestId("generations-total")).toHaveText(total(failed.length));
    await expect.poll(async () => (await shownIds(pi))[0]).toBe(failed[0]);
    await expect(pi.getByRole("region", { name: "Add to a review queue" })).toHaveCount(0);
    await expect(pi.getByRole("button", { name: `Rename ${viewName}` })).toHaveCount(0);
  } finally {
    await pi.close();
  }

  // Two rows ticked, then everything the view matches; what the queue already holds is skipped.
  const [a, b] = failed as [number, number];
  const bulk = page.getByRole("region", { name: "Add to a review queue" });
  await page.getByLabel(`Select generation #${a}`).check();
  await page.getByLabel(`Select generation #${b}`).check();
  await expect(page.getByTestId("selection-count")).toHaveText("2 selected");
  await bulk.getByLabel("Review queue").selectOption(String(queueId));
  const before = new Set(await itemsOfQueue());
  const newOfTwo = [a, b].filter((id) => !before.has(id)).length;
  await bulk.getByRole("button", { name: "Add to queue" }).click();
  await expect(page.getByTestId("add-to-queue-result")).toContainText(`Added ${newOfTwo} to “${queueName}”`);
  const afterTwo = new Set(await itemsOfQueue());
  expect(afterTwo.has(a) && afterTwo.has(b)).toBe(true);
  expect(afterTwo.size).toBe(before.size + newOfTwo);

  const already = failed.filter((id) => afterTwo.has(id)).length;
  await bulk.getByLabel(/Select all matching/).check();
  await expect(page.getByTestId("selection-count")).toHaveText(`All ${failed.length} generations selected`);
  await bulk.getByRole("button", { name: "Add to queue" }).click();
  await expect(page.getByTestId("add-to-queue-result")).toContainText(`Added ${failed.length - already} to “${queueName}”`);
  await expect(page.getByTestId("add-to-queue-result")).toContainText(`${already} already in it were skipped`);
  const all = new Set(await itemsOfQueue());
  expect(failed.every((id) => all.has(id))).toBe(true);
  expect(all.size).toBe(afterTwo.size + failed.length - already);

  // The first cycle's failures do not go into the second cycle's queue.
  const failedFirst = await failedOf(first.id);
  await page.goto(`/generations?cycleId=${first.id}&verdict=failed`);
  await expect(page.getByTestId("generations-total")).toHaveText(total(failedFirst.length));
  await bulk.getByLabel(/Select all matching/).check();
  await bulk.getByLabel("Review queue").selectOption(String(queueId));
  await bulk.getByRole("button", { name: "Add to queue" }).click();
  await expect(bulk.getByRole("alert")).toContainText(
    `${failedFirst.length} of the ${failedFirst.length} generations are not from cycle ${second.index}`,
  );
  expect((await itemsOfQueue()).length).toBe(all.size);
});

test("a LLaMA-Factory download is one zip: dataset_info.json beside the data, videos under the folder named", async ({ page }) => {
  test.setTimeout(120_000);
  const cycle = cycles[0]!;
  await signIn(page, "researcher@demo.local");
  await page.goto(`/exports?cycleId=${cycle.id}`);
  await page.getByLabel("Format").selectOption("LLAMA_FACTORY");
  await page.getByLabel("Video folder").fill("star-clips");
  const [created] = await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).pathname === "/api/exports" && response.request().method() === "POST"),
    page.getByRole("button", { name: "Create export" }).click(),
  ]);
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const download = page.getByTestId(`export-${id}`).getByRole("link", { name: "Download" });
  await expect(download).toBeVisible({ timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  const name = `vstar_c${cycle.id}`;
  expect(file.suggestedFilename()).toBe(`vstar-cycle-${cycle.id}-export-${id}-${name}.zip`);
  const archive = unzipSync(new Uint8Array(readFileSync(await file.path())));
  expect(Object.keys(archive).sort()).toEqual([`${name}/README.md`, `${name}/dataset_info.json`, `${name}/${name}.json`]);
  const info = JSON.parse(strFromU8(archive[`${name}/dataset_info.json`]!)) as Record<string, { file_name: string; columns: object }>;
  expect(info[name]).toMatchObject({
    file_name: `${name}.json`,
    formatting: "sharegpt",
    columns: { messages: "messages", videos: "videos" },
  });
  const records = JSON.parse(strFromU8(archive[`${name}/${name}.json`]!)) as { messages: { role: string }[]; videos: string[] }[];
  expect(records.length).toBeGreaterThan(0);
  for (const record of records) {
    expect(record.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(record.videos).toHaveLength(1);
    expect(record.videos[0]).toMatch(/^star-clips\/[^/].*\.mp4$/);
  }
  await expect(page.getByTestId(`export-${id}`)).toContainText("videos in star-clips/");
});

test("no page asks for a file the server does not have, and every page names the icon", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(`${response.request().method()} ${response.url()}`);
  });
  const generation = (await queryE2e<{ id: number }>(`SELECT min(id) AS id FROM "Generation" WHERE "cycleId" = $1`, [cycles[0]!.id]))[0]!;
  const dataset = (await queryE2e<{ id: number }>(`SELECT min(id) AS id FROM "Dataset"`))[0]!;
  await signIn(page, "admin@demo.local");
  for (const path of [
    "/",
    "/datasets",
    `/datasets/${dataset.id}`,
    "/cycles",
    "/cycles/new",
    `/cycles/${cycles[0]!.id}`,
    "/generations",
    `/generations/${generation.id}`,
    "/exports",
    "/backends",
    "/review",
    "/aqa",
    "/admin/users",
    "/status",
    "/account",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(icons.length, path).toBeGreaterThan(0);
  }
  expect(missing).toEqual([]);
});
