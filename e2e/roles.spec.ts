import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("a visitor is sent to the sign-in page, which names the demo accounts", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Video-STaR Studio" })).toBeVisible();
  await expect(page.getByLabel("Demo accounts")).toContainText("annotator@demo.local");
});

test("a wrong password and an unknown account get the same answer", async ({ page }) => {
  for (const email of ["admin@demo.local", "nobody-here@example.com"]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toHaveText("Invalid email or password");
  }
});

const homes = [
  { email: "admin@demo.local", path: "/admin/users", heading: "Users" },
  { email: "researcher@demo.local", path: "/datasets", heading: "Datasets" },
  { email: "pi@demo.local", path: "/aqa", heading: "FineDiving explanations" },
  { email: "annotator@demo.local", path: "/review", heading: "Review queues" },
];

for (const home of homes) {
  test(`${home.email} signs in and lands on ${home.path}`, async ({ page }) => {
    await signIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
  });
}

test("an annotator gets 403 on a researcher page and on an admin API", async ({ page }) => {
  await signIn(page, "annotator@demo.local");
  const pageResponse = await page.goto("/datasets");
  expect(pageResponse?.status()).toBe(403);
  await expect(page.getByText("Your role cannot open this page")).toBeVisible();
  const apiResponse = await page.request.get("/api/admin/users");
  expect(apiResponse.status()).toBe(403);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get("/api/admin/users")).status()).toBe(401);
});

test("the status page shows a live worker", async ({ page }) => {
  await signIn(page, "researcher@demo.local");
  await page.goto("/status");
  await expect(page.getByTestId("workers-alive")).toHaveText(/^[1-9]\d* alive$/);
  await expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible();
  await expect(page.getByTestId("queue-system-ping")).toBeVisible();
});
