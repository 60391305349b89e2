import { expect, test, type Browser, type Page } from "@playwright/test";
import type { ItemDetail } from "@/lib/review/items/item-detail-types";
import { signIn } from "./sign-in";
import { queryE2e, runCyclesToCompletion } from "./simulated-run";

// An annotator's decisions are kept, on a real cycle (run with the simulator, checked by the real
// verifier): a verdict changed after coming back to an item is the one submitted (1, k, j, Enter),
// a save from a stale tab is refused and shown, a submitted audit in a blind queue is final, and an
// annotator sees only their own items. Each test has its own annotator, made by the admin, so no
// audit of one test is seen by another (audits belong to a person and a generation).

const PASSWORD = "e2e-annotator-password";
let cycleId: number;
let origin: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  const run = await runCyclesToCompletion({
    name: "STAR review decisions e2e run (simulator)",
    datasets: [{ dataset: "STAR (demo)", sampleSize: null, splits: ["train"] }],
    evaluation: { enabled: false },
    backends: { inference: "simulator", training: "simulator-ray" },
    stopRule: { maxCycles: 1 },
    execution: { batchSize: 50, tickSeconds: 1 },
  });
  expect(run.cycles.map((cycle) => cycle.status)).toEqual(["DONE"]);
  cycleId = run.cycles[0]!.id;
  const page = await browser.newPage();
  await signIn(page, "admin@demo.local");
  origin = new URL(page.url()).origin;
  await page.close();
});

/** A fresh annotator (made by the admin through the API) and their e-mail address. */
async function newAnnotator(browser: Browser, tag: string): Promise<{ id: string; email: string }> {
  const page = await browser.newPage();
  try {
    await signIn(page, "admin@demo.local");
    const email = `${tag}-${Date.now()}@e2e.local`;
    const response = await page.request.post("/api/admin/users", {
      headers: { origin },
      data: { email, name: `Annotator ${tag}`, role: "ANNOTATOR", password: PASSWORD },
    });
    expect(response.status()).toBe(201);
    return { id: ((await response.json()) as { id: string }).id, email };
  } finally {
    await page.close();
  }
}

/** A queue made by the researcher through the API; its id. */
async function newQueue(browser: Browser, body: Record<string, unknown>): Promise<number> {
  const page = await browser.newPage();
  try {
    await signIn(page, "researcher@demo.local");
    const response = await page.request.post("/api/review/queues", {
      headers: { origin },
      data: { cycleId, overlap: 1, seed: 5, ...body },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: number }).id;
  } finally {
    await page.close();
  }
}

const itemId = async (page: Page) => Number(await page.getByTestId("review-item").getAttribute("data-item-id"));
const verdictButton = (page: Page, name: RegExp) => page.getByRole("radiogroup", { name: "Overall verdict" }).getByRole("radio", { name });
const itemDetail = async (page: Page, queueId: number, id: number) =>
  (await (await page.request.get(`/api/review/queues/${queueId}/items/${id}`)).json()) as ItemDetail;

/** Submits the item on screen with a verdict from the keyboard and waits for the next one. */
async function submitWith(page: Page, key: string): Promise<void> {
  const before = await itemId(page);
  await page.keyboard.press(key);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-item")).not.toHaveAttribute("data-item-id", String(before));
}

test("a verdict changed on coming back to an item is the one submitted: 1, k, j, Enter", async ({ page, browser }) => {
  const annotator = await newAnnotator(browser, "lost-decision");
  const queueId = await newQueue(browser, { name: `Lost decision ${Date.now()}`, size: 4, assignees: [annotator.id] });
  await signIn(page, annotator.email, PASSWORD);
  await page.goto(`/review/${queueId}`);
  await page.getByRole("button", { name: /Start reviewing/ }).click();
  await expect(page.getByTestId("item-place")).toHaveText("item 1 of 4");

  // Two items submitted as hallucinated (2, Enter); the third is on screen.
  const first = await itemId(page);
  await submitWith(page, "2");
  const second = await itemId(page);
  await expect(page.getByTestId("item-place")).toHaveText("item 2 of 4");
  await submitWith(page, "2");
  await expect(page.getByTestId("item-place")).toHaveText("item 3 of 4");

  // Back to the second item (k): it shows its submitted verdict. The annotator changes it to correct (1), saved.
  await page.keyboard.press("k");
  await expect(page.getByTestId("review-item")).toHaveAttribute("data-item-id", String(second));
  await expect(verdictButton(page, /Hallucinated/)).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("1");
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved/);

  // k to the first item, j back to the second: the screen shows the saved decision, not the older one.
  await page.keyboard.press("k");
  await expect(page.getByTestId("review-item")).toHaveAttribute("data-item-id", String(first));
  await page.keyboard.press("j");
  await expect(page.getByTestId("review-item")).toHaveAttribute("data-item-id", String(second));
  await expect(verdictButton(page, /Correct/)).toHaveAttribute("aria-checked", "true");
  await expect(verdictButton(page, /Hallucinated/)).toHaveAttribute("aria-checked", "false");

  // Enter submits what is shown; the newer decision is kept.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-item")).not.toHaveAttribute("data-item-id", String(second));
  const kept = await itemDetail(page, queueId, second);
  expect(kept.audit).toMatchObject({ verdict: "CORRECT" });
  expect(kept.assignment?.status).toBe("SUBMITTED");
});

test("a save from a tab that missed a newer save is refused and shown, and the saved audit can be loaded", async ({ page, browser }) => {
  const annotator = await newAnnotator(browser, "two-tabs");
  const queueId = await newQueue(browser, { name: `Two tabs ${Date.now()}`, size: 2, assignees: [annotator.id] });
  await signIn(page, annotator.email, PASSWORD);
  await page.goto(`/review/${queueId}`);
  await page.getByRole("button", { name: /Start reviewing/ }).click();
  const item = await itemId(page);
  await expect(page.getByTestId("save-status")).toHaveText("");

  // Another tab saves the audit first (here straight through the API, as its autosave would).
  const other = await page.request.put(`/api/review/queues/${queueId}/items/${item}/audit`, {
    headers: { origin },
    data: { verdict: "UNSURE", baseVersion: null },
  });
  expect(other.status()).toBe(200);

  // This tab, still on the version it opened, changes the verdict: refused, and said so.
  await page.keyboard.press("2");
  const conflict = page.getByTestId("audit-conflict");
  await expect(conflict).toContainText("changed since you opened it");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved: changed elsewhere");
  expect((await itemDetail(page, queueId, item)).audit?.verdict).toBe("UNSURE");
  // Enter does not push it through either.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-item")).toHaveAttribute("data-item-id", String(item));
  expect((await itemDetail(page, queueId, item)).audit).toMatchObject({ verdict: "UNSURE", submittedAt: null });

  await conflict.getByRole("button", { name: "Load the saved audit" }).click();
  await expect(conflict).toBeHidden();
  await expect(verdictButton(page, /Unsure/)).toHaveAttribute("aria-checked", "true");
  // From the saved version, the change goes through.
  await page.keyboard.press("2");
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved/);
  expect((await itemDetail(page, queueId, item)).audit?.verdict).toBe("HALLUCINATED");
});

test("in a blind queue a submitted audit is final: shown read-only, and changes are refused", async ({ page, browser }) => {
  const annotator = await newAnnotator(browser, "blind");
  const queueId = await newQueue(browser, { name: `Blind ${Date.now()}`, size: 2, blind: true, assignees: [annotator.id] });
  await signIn(page, annotator.email, PASSWORD);
  await page.goto(`/review/${queueId}`);
  await expect(page.getByTestId("blind-state")).toContainText("a submitted audit is final");
  await page.getByRole("button", { name: /Start reviewing/ }).click();
  await expect(page.getByTestId("blind-badge")).toBeVisible();
  await expect(page.getByTestId("verdict-hidden")).toBeVisible();
  const item = await itemId(page);

  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  // Submitted: the verifier's verdict appears, and the audit is now final.
  await expect(page.getByTestId("verdict")).toBeVisible();
  await expect(page.getByTestId("audit-final")).toBeVisible();
  const submitted = await itemDetail(page, queueId, item);
  expect(submitted.audit).toMatchObject({ verdict: "CORRECT" });
  expect(submitted.auditFinal).toBe(true);

  // Having seen the verdict, the annotator tries to change their answer: the keys and the buttons do nothing.
  await page.keyboard.press("2");
  await expect(page.getByRole("alert").filter({ hasText: "Your audit is final" })).toBeVisible();
  await expect(verdictButton(page, /Correct/)).toHaveAttribute("aria-checked", "true");
  await expect(verdictButton(page, /Hallucinated/)).toBeDisabled();
  await expect(page.getByRole("button", { name: /Submit|Update/ })).toHaveCount(0);

  // Straight to the API, from the latest version: refused with the reason.
  const edit = await page.request.put(`/api/review/queues/${queueId}/items/${item}/audit`, {
    headers: { origin },
    data: { verdict: "HALLUCINATED", submit: true, baseVersion: submitted.audit!.version },
  });
  expect(edit.status()).toBe(409);
  expect(((await edit.json()) as { error: string }).error).toMatch(/blind queue.*final/);
  const after = await itemDetail(page, queueId, item);
  expect(after.audit).toMatchObject({ verdict: "CORRECT", submittedAt: submitted.audit!.submittedAt, version: submitted.audit!.version });
});

test("an annotator sees only their own items; the researcher sees the queue, gold items numbered apart", async ({ page, browser }) => {
  const [ana, bo] = [await newAnnotator(browser, "own-a"), await newAnnotator(browser, "own-b")];
  const gold = await queryE2e<{ id: number }>(`SELECT id FROM "Generation" WHERE "cycleId" = $1 ORDER BY id LIMIT 2`, [cycleId]);
  const queueId = await newQueue(browser, {
    name: `Own items ${Date.now()}`,
    size: 5,
    assignees: [ana.id, bo.id],
    gold: gold.map((generation) => ({ generationId: generation.id, answer: { verdict: "CORRECT" } })),
  });

  // Bo takes an item; Ana may not read it, nor the queue's metrics or its members' addresses.
  const boPage = await browser.newPage();
  await signIn(boPage, bo.email, PASSWORD);
  await boPage.goto(`/review/${queueId}`);
  await boPage.getByRole("button", { name: /Start reviewing/ }).click();
  const bos = await itemId(boPage);
  await boPage.close();

  await signIn(page, ana.email, PASSWORD);
  expect((await page.request.get(`/api/review/queues/${queueId}/items/${bos}`)).status()).toBe(404);
  expect((await page.request.get(`/api/review/queues/${queueId}/metrics`)).status()).toBe(403);
  const queue = (await (await page.request.get(`/api/review/queues/${queueId}`)).json()) as { members: unknown };
  expect(queue.members).toBeNull();
  await page.goto(`/review/${queueId}/items/${bos}`);
  await expect(page.getByRole("alert").filter({ hasText: `Queue item ${bos} was not found` })).toBeVisible();
  await page.goto(`/review/${queueId}`);
  await expect(page.getByTestId("blind-state")).toContainText("Not blind");
  await expect(page.getByRole("link", { name: "Metrics" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Items", exact: true })).toHaveCount(0);

  // The researcher sees every item: the sampled ones numbered 1, 2, 3…, the gold ones G1, G2.
  const researcher = await browser.newPage();
  await signIn(researcher, "researcher@demo.local");
  await researcher.goto(`/review/${queueId}`);
  const numbers = researcher.getByTestId("queue-item-number");
  await expect(numbers.first()).toBeVisible();
  const shown = (await numbers.allTextContents()).map((text) => text.replace(/\s*gold$/, "").trim());
  // A gold generation that was also sampled counts once, as gold: 5 or 4 sampled.
  expect(shown.length).toBeGreaterThanOrEqual(6);
  const sampled = shown.filter((n) => !n.startsWith("G"));
  expect(sampled.map(Number).sort((a, b) => a - b)).toEqual(sampled.map((_, index) => index + 1));
  expect(shown.filter((n) => n.startsWith("G"))).toEqual(["G1", "G2"]);
  await researcher.close();
});

test.describe("on a 1280×720 screen", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("the verdict buttons are visible without scrolling", async ({ page, browser }) => {
    const annotator = await newAnnotator(browser, "viewport");
    const queueId = await newQueue(browser, { name: `Viewport ${Date.now()}`, size: 3, assignees: [annotator.id] });
    await signIn(page, annotator.email, PASSWORD);
    await page.goto(`/review/${queueId}`);
    await page.getByRole("button", { name: /Start reviewing/ }).click();
    await expect(page.locator("[data-answer-root]")).not.toBeEmpty();
    await expect(page.locator("video")).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const buttons = page.getByRole("radiogroup", { name: "Overall verdict" }).getByRole("radio");
    await expect(buttons).toHaveCount(4);
    for (const button of await buttons.all()) await expect(button).toBeInViewport({ ratio: 1 });
  });
});
