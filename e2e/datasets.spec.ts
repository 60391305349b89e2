import { expect, test, type Locator } from "@playwright/test";
import { cspViolations, watchCsp } from "./csp";
import { signIn } from "./sign-in";

const DEMO_DATASETS = ["Kinetics-700 (demo)", "STAR (demo)", "FineDiving (demo)"];

async function playAndSeek(video: Locator, to: number): Promise<{ currentTime: number; readyState: number }> {
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.1);
  await video.evaluate(
    (v: HTMLVideoElement, seconds: number) =>
      new Promise<void>((resolve) => {
        v.pause();
        v.addEventListener("seeked", () => resolve(), { once: true });
        v.currentTime = seconds;
      }),
    to,
  );
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  return video.evaluate((v: HTMLVideoElement) => ({ currentTime: v.currentTime, readyState: v.readyState }));
}

test("a researcher sees the three demo datasets with their counts", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto("/datasets");
  const rows = page.getByTestId("dataset-row");
  for (const name of DEMO_DATASETS) await expect(rows.filter({ hasText: name })).toBeVisible();
  await expect(rows.filter({ hasText: "Kinetics-700 (demo)" })).toContainText("train 2");
  await expect(rows.filter({ hasText: "Kinetics-700 (demo)" })).toContainText("ready 3");
  await expect(rows.filter({ hasText: "FineDiving (demo)" })).toContainText("dive 5");
  await expect(page.getByLabel("Import history").getByText("succeeded")).toHaveCount(3);
});

test("a demo clip opens in the player, plays in Chromium and seeks", async ({ page }) => {
  await watchCsp(page);
  await signIn(page, "researcher@demo.local");
  await page.goto("/datasets");
  await page.getByRole("table", { name: "Datasets" }).getByRole("link", { name: "Kinetics-700 (demo)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kinetics-700 (demo)" })).toBeVisible();
  const posters = page.getByRole("list", { name: "Clips" }).locator("img");
  await expect(posters).toHaveCount(3);
  await posters.last().scrollIntoViewIfNeeded();
  await expect
    .poll(() => posters.evaluateAll((images) => images.filter((image) => (image as HTMLImageElement).naturalWidth > 0).length))
    .toBe(3);

  await page.getByRole("button", { name: "Open clip demoBall001_000000_000003" }).click();
  const state = await playAndSeek(page.getByTestId("clip-player").locator("video"), 2);
  expect(state.currentTime).toBeGreaterThan(1.9);
  expect(state.currentTime).toBeLessThan(2.1);
  expect(state.readyState).toBeGreaterThanOrEqual(2);
  await page.getByRole("button", { name: "Close" }).click();

  // The legacy MPEG-4 AVI was transcoded at ingest; it plays too.
  await page.getByRole("button", { name: "Open clip demoLegacy1_000000_000002" }).click();
  const legacy = await playAndSeek(page.getByTestId("clip-player").locator("video"), 1);
  expect(legacy.currentTime).toBeGreaterThan(0.9);
  expect(legacy.readyState).toBeGreaterThanOrEqual(2);
  // The security policy blocked nothing the page and the player use.
  expect(await cspViolations(page)).toEqual([]);
});

test("a FineDiving dive made from frames plays, and the media route answers ranges", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto("/datasets");
  await page.getByRole("table", { name: "Datasets" }).getByRole("link", { name: "FineDiving (demo)" }).click();
  await page.getByRole("button", { name: /Open clip DemoDivingCup2024_Synchro3m/ }).click();
  const video = page.getByTestId("clip-player").locator("video");
  const state = await playAndSeek(video, 1.5);
  expect(state.currentTime).toBeGreaterThan(1.4);
  const src = await video.evaluate((v: HTMLVideoElement) => v.currentSrc);
  const ranged = await page.request.get(src, { headers: { range: "bytes=0-99" } });
  expect(ranged.status()).toBe(206);
  expect(ranged.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
  expect((await ranged.body()).length).toBe(100);
});

test("a clip window lists labels and questions in words, and closes with Escape or a click outside it", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto("/datasets");
  await page.getByRole("table", { name: "Datasets" }).getByRole("link", { name: "FineDiving (demo)" }).click();
  const open = page.getByRole("button", { name: /Open clip DemoDivingCup2024_Synchro3m/ }).first();
  await open.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const labels = dialog.getByRole("region", { name: "Labels" });
  await expect(labels).toContainText(/dive \w+ · difficulty [\d.]+ · score [\d.]+/);
  await expect(labels).toContainText("→");
  const questions = dialog.getByRole("region", { name: "Questions" });
  await expect(questions.getByRole("listitem").first()).toBeVisible();
  for (const section of [labels, questions]) expect(await section.textContent()).not.toMatch(/[{}[\]]|"\w+":/);

  // A click inside the window keeps it; Escape closes it.
  await labels.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  await open.click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toHaveCount(0);
});

test("a broken upload is rejected whole, and its errors show in the import history", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto("/datasets");
  const form = page.getByRole("form", { name: "Import annotations" });
  await form.getByLabel("Dataset name").fill("Broken upload");
  await form.getByLabel("Annotation file").setInputFiles({
    name: "broken.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "label,youtube_id,time_start,time_end,split\nplaying drums,abcdefghijk,0,10,train\nplaying drums,bcdefghijkl,later,10,train\n",
    ),
  });
  await form.getByLabel(/Every clip must exist/).uncheck();
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByText(/Import #\d+ queued/)).toBeVisible();
  const entry = page.getByLabel("Import history").getByRole("listitem").filter({ hasText: "broken.csv" });
  await expect(entry.getByText("rejected")).toBeVisible({ timeout: 30_000 });
  await expect(entry).toContainText("line 3");
  await expect(entry).toContainText('not a number of seconds: "later"');
  await expect(page.getByTestId("dataset-row").filter({ hasText: "Broken upload" })).toHaveCount(0);
});
