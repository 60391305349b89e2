import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { groundTruth } from "@/lib/review/ground-truth/ground-truth";
import type { ItemDetail } from "@/lib/review/items/item-detail-types";
import { cspViolations, watchCsp } from "./csp";
import { signIn } from "./sign-in";
import { runCyclesToCompletion } from "./simulated-run";

// The review workspace end to end, on a real cycle: a run on the demo's STAR dataset (launched with
// `npm run cycle`, answered by the simulator over HTTP, checked by the real verifier), a queue made
// from it by a researcher through the API. An annotator opens the queue, plays the clip, seeks to an
// interval marker of the item's ground truth, marks a hallucinated span, submits from the keyboard,
// gets the next item, and the researcher sees the queue's metrics change.

const QUEUE_SIZE = 4;
let queue: { queueId: number; queueName: string; size: number };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  // STAR clips carry interval labels (each action's span), so every item has seek-bar markers.
  const run = await runCyclesToCompletion({
    name: "STAR review e2e run (simulator)",
    datasets: [{ dataset: "STAR (demo)", sampleSize: null, splits: ["train"] }],
    evaluation: { enabled: false },
    backends: { inference: "simulator", training: "simulator-ray" },
    stopRule: { maxCycles: 1 },
    execution: { batchSize: 50, tickSeconds: 1 },
  });
  expect(run.cycles.map((cycle) => cycle.status)).toEqual(["DONE"]);

  const page = await browser.newPage();
  try {
    await signIn(page, "researcher@demo.local");
    const { people } = (await (await page.request.get("/api/review/people")).json()) as { people: { id: string; email: string }[] };
    const annotator = people.find((person) => person.email === "annotator@demo.local");
    expect(annotator).toBeDefined();
    const queueName = `STAR review e2e (run ${run.runId})`;
    const response = await page.request.post("/api/review/queues", {
      // Mutating routes accept only same-origin requests, as a browser's fetch would send them.
      headers: { origin: new URL(page.url()).origin },
      data: { name: queueName, cycleId: run.cycles[0]!.id, size: QUEUE_SIZE, overlap: 1, assignees: [annotator!.id], seed: 3 },
    });
    expect(response.status()).toBe(201);
    const created = (await response.json()) as { id: number; size: number };
    queue = { queueId: created.id, queueName, size: created.size };
    expect(queue.size).toBe(QUEUE_SIZE);
  } finally {
    await page.close();
  }
});

const videoState = (page: Page) =>
  page.locator("video").evaluate((video: HTMLVideoElement) => ({
    time: video.currentTime,
    readyState: video.readyState,
    paused: video.paused,
    duration: video.duration,
  }));

/** The text up to and including the first full stop (or all of it), as a reader would mark it. */
function firstSentence(text: string): string {
  const trimmed = text.trim();
  const end = trimmed.search(/[.!?](\s|$)/);
  return end < 0 ? trimmed : trimmed.slice(0, end + 1);
}

/** Selects `text` inside the answer (it may span several highlighted runs), as a person dragging would. */
async function selectInAnswer(page: Page, text: string): Promise<void> {
  await page.locator("[data-answer-root]").evaluate((root, wanted) => {
    const full = root.textContent ?? "";
    const start = full.indexOf(wanted);
    if (start < 0) throw new Error(`"${wanted}" is not in the answer`);
    const end = start + wanted.length;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (start >= offset && start < offset + length) range.setStart(node, start - offset);
      if (end > offset && end <= offset + length) range.setEnd(node, end - offset);
      offset += length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

test("an annotator audits an item from the keyboard next to the video, and the metrics change", async ({ page, browser }) => {
  // The metrics (every rater's progress) are the researcher's; the annotator works the queue.
  const researcher = await browser.newPage();
  await signIn(researcher, "researcher@demo.local");
  await researcher.goto(`/review/${queue.queueId}/metrics`);
  await expect(researcher.getByTestId("metric-audits")).toHaveText(`0 / ${queue.size}`);
  await watchCsp(page);
  await signIn(page, "annotator@demo.local");

  await page.goto("/review");
  await page.getByRole("link", { name: queue.queueName }).click();
  await page.getByRole("button", { name: /Start reviewing/ }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${queue.queueId}/items/\\d+$`));
  const firstItem = await page.getByTestId("review-item").getAttribute("data-item-id");
  const detail = (await (await page.request.get(`/api/review/queues/${queue.queueId}/items/${firstItem}`)).json()) as ItemDetail;
  expect(detail.dataset.name).toBe("STAR (demo)");
  expect(detail.generation.simulated).toBe(true);
  await expect(page.getByTestId("question-text")).toHaveText(detail.question.text);

  // The clip loads and plays (space), then pauses (space).
  await expect.poll(async () => (await videoState(page)).readyState, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  expect((await videoState(page)).duration).toBeCloseTo(detail.video.durationSec ?? NaN, 0);
  await page.locator("body").press("Space");
  await expect.poll(async () => (await videoState(page)).time, { timeout: 10_000 }).toBeGreaterThan(0.2);
  await page.locator("body").press("Space");
  await expect.poll(async () => (await videoState(page)).paused).toBe(true);

  // An interval of the item's ground truth (a target, or an action's span) is a marker on the seek
  // bar; clicking it seeks to its start. The latest one, so the seek is not back to the beginning.
  const intervals = groundTruth(detail.question.targets, detail.labels, detail.video).markers.filter((m) => m.end !== undefined);
  const interval = intervals.reduce((latest, m) => (m.start > latest.start ? m : latest), intervals[0]!);
  expect(interval.start).toBeGreaterThan(0.3);
  const marker = page.locator(".vjs-progress-holder").getByRole("button", { name: `Seek to ${interval.label}`, exact: true });
  await expect(marker).toBeVisible();
  await marker.click();
  await expect.poll(async () => (await videoState(page)).time).toBeCloseTo(interval.start, 1);
  // One frame forward from the keyboard.
  await page.locator("body").press(".");
  await expect.poll(async () => (await videoState(page)).time).toBeGreaterThan(interval.start + 0.02);
  // The security policy blocked nothing the page and the player use.
  expect(await cspViolations(page)).toEqual([]);

  // Mark a hallucinated span: select the answer's first sentence and press h.
  const answer = (await page.locator("[data-answer-root]").textContent()) ?? "";
  const invented = firstSentence(answer);
  expect(invented.length).toBeGreaterThan(10);
  await selectInAnswer(page, invented);
  await page.keyboard.press("h");
  await expect(page.getByTestId("hallucinated-spans")).toContainText(invented);
  await expect(page.locator("[data-answer-root] [data-hallucinated]").first()).toBeVisible();

  // Verdict 2 (hallucinated), label present: no, then submit with Enter: the next item loads.
  await page.keyboard.press("2");
  await expect(page.getByRole("radio", { name: /Hallucinated/ })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("n");
  // Answer quality 4 of 5: the arrow keys move it while the scale has focus, Escape leaves it.
  await page.getByRole("radio", { name: "Answer quality: none" }).focus();
  for (let step = 0; step < 4; step += 1) await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Answer quality: 4" })).toBeChecked();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(new RegExp(`/items/${firstItem}$`));
  await expect(page.getByTestId("review-item")).toBeVisible();
  expect(await page.getByTestId("review-item").getAttribute("data-item-id")).not.toBe(firstItem);
  await expect(page.getByTestId("hallucinated-spans")).toHaveCount(0);
  const secondItem = await page.getByTestId("review-item").getAttribute("data-item-id");

  // k goes back to the submitted item, with the audit as it was saved.
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/items/${firstItem}$`));
  await expect(page.getByTestId("hallucinated-spans")).toContainText(invented);
  await expect(page.getByRole("radio", { name: "Answer quality: 4" })).toBeChecked();

  // Opened afresh (a new tab), the item comes with its page, and the screen fetches the person's next
  // item while this one is open: j then shows it at once, however slow the server is to answer again.
  const tab = await page.context().newPage();
  const itemRequests: string[] = [];
  tab.on("request", (request) => {
    if (/\/api\/review\/queues\/\d+\/(items\/\d+|next)$/.test(request.url())) itemRequests.push(`${request.method()} ${request.url()}`);
  });
  const nextUrl = new RegExp(`/api/review/queues/${queue.queueId}/items/${secondItem}$`);
  const prefetched = tab.waitForResponse(nextUrl);
  await tab.goto(`/review/${queue.queueId}/items/${firstItem}`);
  await expect(tab.getByTestId("question-text")).toHaveText(detail.question.text);
  expect((await prefetched).status()).toBe(200);
  let releaseNext = () => {};
  await tab.route(nextUrl, async (route) => {
    await new Promise<void>((resolve) => {
      releaseNext = resolve;
    });
    await route.continue();
  });
  await tab.keyboard.press("j");
  await expect(tab).toHaveURL(new RegExp(`/items/${secondItem}$`));
  await expect(tab.locator(`[data-testid="review-item"][data-item-id="${secondItem}"] [data-testid="question-text"]`)).toBeVisible({
    timeout: 2_000,
  });
  releaseNext();
  await tab.unroute(nextUrl);
  // Fetching ahead reads only items already handed to this person (the page's item came with the
  // page; the newest has no next): nothing else is fetched, and nothing is claimed (no POST …/next).
  expect(itemRequests.length).toBeGreaterThan(0);
  expect(itemRequests.filter((request) => !request.startsWith("GET ") || !nextUrl.test(request.slice(4)))).toEqual([]);
  // Back and forth in the browser's history: each address shows its item.
  await tab.goBack();
  await expect(tab.locator(`[data-testid="review-item"][data-item-id="${firstItem}"]`)).toBeVisible();
  await expect(tab.getByTestId("hallucinated-spans")).toContainText(invented);
  await tab.goForward();
  await expect(tab.locator(`[data-testid="review-item"][data-item-id="${secondItem}"]`)).toBeVisible();
  await tab.close();

  // The metrics page now counts the audit: one of the queue's items, hallucinated.
  await researcher.reload();
  await expect(researcher.getByTestId("metric-audits")).toHaveText(`1 / ${queue.size}`);
  await expect(researcher.getByTestId("metric-hallucination")).toHaveText("100.0 %");
  // One rater's score: no ICC yet, and the page says why.
  await expect(researcher.getByTestId("agreement-quality-icc")).toContainText("not enough paired scores");
  await researcher.close();
});

test("? shows every shortcut", async ({ page }) => {
  await signIn(page, "annotator@demo.local");
  await page.goto(`/review/${queue.queueId}`);
  await page.getByRole("button", { name: /Start reviewing/ }).click();
  await expect(page.getByTestId("review-item")).toBeVisible();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const label of [
    "Verdict: Correct",
    "Mark the selected text as hallucinated",
    "Next item",
    "Previous item",
    "Play / pause",
    "Back one frame",
    "Forward one second",
  ]) {
    await expect(help).toContainText(label);
  }
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("comments on an answer: the annotator comments on the item, the researcher replies on the generation page", async ({
  page,
  browser,
}) => {
  await signIn(page, "annotator@demo.local");
  await page.goto(`/review/${queue.queueId}`);
  await page.getByRole("button", { name: /Start reviewing/ }).click();
  await expect(page.getByTestId("review-item")).toBeVisible();
  const itemId = await page.getByTestId("review-item").getAttribute("data-item-id");
  const detail = (await (await page.request.get(`/api/review/queues/${queue.queueId}/items/${itemId}`)).json()) as ItemDetail;

  const comments = page.getByTestId("comments");
  await comments.getByRole("textbox", { name: "Add a comment" }).fill("Is the pick-up really at the start?");
  await comments.getByRole("button", { name: "Post comment" }).click();
  await expect(comments.getByTestId("comment")).toHaveCount(1);
  await expect(comments.getByTestId("comment").first()).toContainText("Is the pick-up really at the start?");

  const researcher = await browser.newPage();
  await signIn(researcher, "researcher@demo.local");
  await researcher.goto(`/generations/${detail.generation.id}`);
  const onGeneration = researcher.getByTestId("comments");
  const first = onGeneration.getByTestId("comment").first();
  await expect(first).toContainText("Is the pick-up really at the start?");
  await first.getByRole("button", { name: "Reply" }).click();
  await first.getByRole("textbox", { name: /Reply to/ }).fill("No: it starts at the marked interval.");
  await first.getByRole("button", { name: "Post reply" }).click();
  // The reply sits inside the comment it answers.
  await expect(first.getByTestId("comment")).toContainText("No: it starts at the marked interval.");
  await researcher.close();

  await page.reload();
  const reply = page.getByTestId("comments").getByTestId("comment").first().getByTestId("comment");
  await expect(reply).toContainText("No: it starts at the marked interval.");
  await expect(reply).toContainText("researcher");
});

test("a researcher downloads the queue's audits as CSV from the queue page", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto(`/review/${queue.queueId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`review-queue${queue.queueId}-audits.csv`);
  const stream = await download.createReadStream();
  let csv = "";
  for await (const chunk of stream) csv += String(chunk);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  // The first test submitted one audit (hallucinated) on the simulator's answer.
  expect(rows).toContainEqual(
    expect.objectContaining({
      verdict: "HALLUCINATED",
      rater_email: "annotator@demo.local",
      submitted: "yes",
      simulated: "yes",
      adjudicated_verdict: "",
    }),
  );
});
