import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const DATASET = "STAR (demo)";

test("a run is launched again from its page with its settings, and the form names what was changed", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "researcher@demo.local");
  await page.goto("/cycles/new");
  await page.getByLabel("Run name").fill("e2e relaunch source");
  await page.getByLabel(`Use dataset ${DATASET}`).check();
  // A slow engine tick keeps both runs from doing much while the other specs run.
  await page.getByText("Execution", { exact: true }).click();
  await page.getByLabel("Engine tick (s)").fill("30");
  await page.getByRole("button", { name: "Launch" }).click();
  await expect(page).toHaveURL(/\/cycles\/\d+$/, { timeout: 30_000 });
  const sourceUrl = page.url();

  await page.getByRole("link", { name: "Launch again with these settings" }).click();
  await expect(page).toHaveURL(/\/cycles\/new\?from=\d+$/);
  const changes = page.getByTestId("relaunch-changes");
  await expect(changes).toContainText("e2e relaunch source");
  await expect(changes).toContainText("No setting differs from that run yet.");
  await expect(page.getByLabel("Run name")).toHaveValue("e2e relaunch source");
  await expect(page.getByLabel(`Use dataset ${DATASET}`)).toBeChecked();
  await page.getByText("Execution", { exact: true }).click();
  await expect(page.getByLabel("Engine tick (s)")).toHaveValue("30");

  await page.getByLabel("Run name").fill("e2e relaunch copy");
  await expect(changes).toContainText("Changed from that run: name");
  await page.getByLabel("Engine tick (s)").fill("31");
  await expect(changes.locator("code")).toHaveText(["execution.tickSeconds", "name"].sort());
  await page.getByLabel("Engine tick (s)").fill("30");
  await expect(changes.locator("code")).toHaveText(["name"]);

  await page.getByRole("button", { name: "Launch" }).click();
  await expect(page).toHaveURL(/\/cycles\/\d+$/, { timeout: 30_000 });
  expect(page.url()).not.toBe(sourceUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("e2e relaunch copy");
});
