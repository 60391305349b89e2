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

test("after sign-in, next= is followed on this site only", async ({ page, baseURL }) => {
  // Nothing leaves the machine, whatever the page tries.
  await page.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => route.abort(),
  );
  const origin = new URL(baseURL!).origin;
  for (const [next, lands] of [
    ["/%5Cevil.example/phish", "/datasets"],
    ["//evil.example/phish", "/datasets"],
    ["/%09/evil.example", "/datasets"],
    ["https://evil.example/", "/datasets"],
    ["/cycles?x=1", "/cycles?x=1"],
  ] as const) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill("researcher@demo.local");
    await page.getByLabel("Password").fill("vstar-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(page.url().startsWith(`${origin}${lands}`), `${next} led to ${page.url()}`).toBe(true);
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

test("an address a client writes into X-Forwarded-For is not what its session records", async ({ request, baseURL }) => {
  const signedIn = await request.post("/api/auth/sign-in/email", {
    headers: { origin: new URL(baseURL!).origin, "x-forwarded-for": "203.0.113.77", "x-real-ip": "203.0.113.78" },
    data: { email: "annotator@demo.local", password: "vstar-demo-password" },
  });
  expect(signedIn.status()).toBe(200);
  const session = (await (await request.get("/api/auth/get-session")).json()) as { session: { ipAddress: string } };
  expect(session.session.ipAddress).toBe("127.0.0.1");
});

test("pages and API answers carry the security headers", async ({ request }) => {
  for (const path of ["/sign-in", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});
