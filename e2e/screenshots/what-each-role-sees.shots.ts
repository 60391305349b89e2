import { execFile } from "node:child_process";
import path from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "../sign-in";
import { SCREENSHOTS_DIR, screenshotsPlace } from "./place";

// The README's "What each role sees": a demo run launched with `npm run cycle -- --demo` (all three
// demo datasets against the simulator), then each demo role's pages, one 1280×800 PNG per page.

const RUN_NAME = "Demo run (simulator)";

/** `npm run cycle -- --demo` against the product under test; resolves when the run is done. */
function runDemoCycles(): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, VSTAR_DATA_DIR: screenshotsPlace.dataDir, EMBEDDED_PG_PORT: screenshotsPlace.pgPort };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    execFile(
      "npm",
      ["run", "--silent", "cycle", "--", "--demo"],
      { env, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => (error ? reject(new Error(`npm run cycle -- --demo failed (${error.message}):\n${out}\n${err}`)) : resolve(out)),
    );
  });
}

async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  // Charts and lists animate in; let them settle.
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
}

/** Seeks a player to `seconds` and waits for that frame, so the picture shows the clip, not a black box. */
async function showFrame(video: Locator, seconds: number): Promise<void> {
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await video.evaluate(
    (v: HTMLVideoElement, at: number) =>
      new Promise<void>((resolve) => {
        v.pause();
        v.addEventListener("seeked", () => resolve(), { once: true });
        v.currentTime = at;
      }),
    seconds,
  );
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
}

test("what each role sees", async ({ browser }) => {
  const launched = /Launched run (\d+)\./.exec(await runDemoCycles());
  expect(launched, "npm run cycle names the run it launched").not.toBeNull();

  const researcher = await browser.newPage();
  let cycleId = 0;
  await test.step("researcher", async () => {
    const page = researcher;
    await signIn(page, "researcher@demo.local");
    await page.goto("/datasets");
    await expect(page.getByTestId("dataset-row")).toHaveCount(3);
    await snap(page, "researcher-datasets");

    await page.getByTestId("dataset-row").filter({ hasText: "STAR (demo)" }).getByRole("link").first().click();
    await expect(page.locator("img").first()).toBeVisible();
    await expect
      .poll(() => page.locator("img").evaluateAll((images) => images.every((img) => (img as HTMLImageElement).complete)))
      .toBe(true);
    await snap(page, "researcher-dataset");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cycles" }).click();
    await expect(page.getByTestId("yield-chart").locator("svg .recharts-dot").first()).toBeVisible();
    await snap(page, "researcher-cycles");

    const run = page.getByRole("list", { name: "Runs" }).getByRole("listitem").filter({ hasText: RUN_NAME }).first();
    await run.getByRole("link", { name: /^cycle 1/ }).click();
    await expect(page.getByTestId("cycle-status")).toHaveAttribute("data-status", "DONE");
    cycleId = Number(new URL(page.url()).pathname.split("/").at(-1));
    await snap(page, "researcher-cycle");

    await page.goto(`/generations?cycleId=${cycleId}`);
    await expect(page.getByTestId("generation-row").first()).toBeVisible();
    await snap(page, "researcher-generations");
  });

  let queueName = "";
  await test.step("a researcher makes a review queue for the annotator", async () => {
    const page = researcher;
    const { people } = (await (await page.request.get("/api/review/people")).json()) as { people: { id: string; email: string }[] };
    const annotator = people.find((person) => person.email === "annotator@demo.local");
    expect(annotator).toBeDefined();
    queueName = `Spot check of ${RUN_NAME}, cycle 1`;
    const response = await page.request.post("/api/review/queues", {
      headers: { origin: new URL(page.url()).origin },
      data: { name: queueName, cycleId, size: 8, overlap: 1, assignees: [annotator!.id], seed: 7 },
    });
    expect(response.status()).toBe(201);
    await page.close();
  });

  await test.step("annotator", async () => {
    const page = await browser.newPage();
    await signIn(page, "annotator@demo.local");
    await page.getByRole("link", { name: queueName }).click();
    await page.getByRole("button", { name: /Start reviewing/ }).click();
    await expect(page.getByTestId("review-item")).toBeVisible();
    await expect(page.locator("[data-answer-root]")).not.toBeEmpty();
    await showFrame(page.locator("video"), 1);
    await snap(page, "annotator-review-item");
    await page.close();
  });

  await test.step("PI", async () => {
    const page = await browser.newPage();
    await signIn(page, "pi@demo.local");
    await page
      .getByRole("region", { name: RUN_NAME })
      .getByRole("link", { name: /^Review cycle/ })
      .last()
      .click();
    await expect(page.getByTestId("metric-spearman")).toBeVisible();
    await expect(page.getByTestId("dive-row").first()).toBeVisible();
    await snap(page, "pi-aqa-cycle");

    await page.getByTestId("dive-row").first().getByRole("link").click();
    await expect(page.getByTestId("rationale")).not.toBeEmpty();
    await showFrame(page.locator("video"), 1.5);
    await snap(page, "pi-aqa-dive");
    await page.close();
  });
});
