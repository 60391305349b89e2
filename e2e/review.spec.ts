import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./sign-in";

// The review workspace end to end: an annotator opens a queue, plays the clip, seeks to the
// label's interval marker, marks a hallucinated span, submits from the keyboard, gets the next
// item, and sees the queue's metrics change.

const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const pgPort = process.env.E2E_PG_PORT ?? "54349";

let queue: { queueId: number; queueName: string; size: number };

test.beforeAll(() => {
  // The app under test runs on its own embedded PostgreSQL; seed it through lib/ (no test-only API).
  const password = readFileSync(path.join(dataDir, "postgres", "password"), "utf8").trim();
  const databaseUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/vstar`;
  const output = execFileSync("npx", ["tsx", "lib/review/testing/seed-e2e.ts", "annotator@demo.local"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, VSTAR_DATA_DIR: dataDir },
    encoding: "utf8",
  });
  queue = JSON.parse(output.trim().split("\n").at(-1) ?? "{}");
  expect(queue.size).toBe(4);
});

const videoState = (page: Page) =>
  page.locator("video").evaluate((video: HTMLVideoElement) => ({ time: video.currentTime, readyState: video.readyState, paused: video.paused, duration: video.duration }));

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

test("an annotator audits an item from the keyboard next to the video, and the metrics change", async ({ page }) => {
  await signIn(page, "annotator@demo.local");

  await page.goto(`/review/${queue.queueId}/metrics`);
  await expect(page.getByTestId("metric-audits")).toHaveText("0 / 4");

  await page.goto("/review");
  await page.getByRole("link", { name: queue.queueName }).click();
  await page.getByRole("button", { name: /Start reviewing/ }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${queue.queueId}/items/\\d+$`));
  const firstItem = await page.getByTestId("review-item").getAttribute("data-item-id");
  await expect(page.getByTestId("question-text")).toContainText("When does the person pick up the box?");

  // The clip loads and plays (space), then pauses (space).
  await expect.poll(async () => (await videoState(page)).readyState, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  expect((await videoState(page)).duration).toBeCloseTo(3, 0);
  await page.locator("body").press("Space");
  await expect.poll(async () => (await videoState(page)).time, { timeout: 10_000 }).toBeGreaterThan(0.2);
  await page.locator("body").press("Space");
  await expect.poll(async () => (await videoState(page)).paused).toBe(true);

  // The label's interval is a marker on the seek bar; clicking it seeks to its start (1.0 s).
  const marker = page.locator(".vjs-progress-holder").getByRole("button", { name: "Seek to Target 1.0–2.0 s" });
  await expect(marker).toBeVisible();
  await marker.click();
  await expect.poll(async () => (await videoState(page)).time).toBeCloseTo(1, 1);
  // One frame forward from the keyboard.
  await page.locator("body").press(".");
  await expect.poll(async () => (await videoState(page)).time).toBeGreaterThan(1.02);

  // Mark a hallucinated span: select words of the answer and press h.
  const answer = (await page.locator("[data-answer-root]").textContent()) ?? "";
  const invented = answer.includes("drying rack") ? "washes the box and puts it on a drying rack" : "carries it off to the right";
  await selectInAnswer(page, invented);
  await page.keyboard.press("h");
  await expect(page.getByTestId("hallucinated-spans")).toContainText(invented);
  await expect(page.locator("[data-answer-root] [data-hallucinated]").first()).toBeVisible();

  // Verdict 2 (hallucinated), label present: no, then submit with Enter: the next item loads.
  await page.keyboard.press("2");
  await expect(page.getByRole("radio", { name: /Hallucinated/ })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("n");
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(new RegExp(`/items/${firstItem}$`));
  await expect(page.getByTestId("review-item")).toBeVisible();
  expect(await page.getByTestId("review-item").getAttribute("data-item-id")).not.toBe(firstItem);
  await expect(page.getByTestId("hallucinated-spans")).toHaveCount(0);

  // k goes back to the submitted item, with the audit as it was saved.
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/items/${firstItem}$`));
  await expect(page.getByTestId("hallucinated-spans")).toContainText(invented);

  // The metrics page now counts the audit: one of four, hallucinated.
  await page.goto(`/review/${queue.queueId}/metrics`);
  await expect(page.getByTestId("metric-audits")).toHaveText("1 / 4");
  await expect(page.getByTestId("metric-hallucination")).toHaveText("100.0 %");
});

test("? shows every shortcut", async ({ page }) => {
  await signIn(page, "annotator@demo.local");
  await page.goto(`/review/${queue.queueId}`);
  await page.getByRole("button", { name: /Start reviewing/ }).click();
  await expect(page.getByTestId("review-item")).toBeVisible();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const label of ["Verdict: Correct", "Mark the selected text as hallucinated", "Next item", "Previous item", "Play / pause", "Back one frame", "Forward one second"]) {
    await expect(help).toContainText(label);
  }
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});
