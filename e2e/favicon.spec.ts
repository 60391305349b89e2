import { expect, test } from "@playwright/test";

test("pages name the product's icons, and their files are served without signing in", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/sign-in");
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(icons.map((href) => href?.split("?")[0])).toEqual(["/favicon.ico", "/icon.svg"]);

  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  // An ICO file starts with reserved 0, type 1.
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  const apple = await page.locator('link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(apple).toEqual(["/apple-touch-icon.png"]);
  const png = await request.get("/apple-touch-icon.png");
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toContain("image/png");
  // A PNG's signature, then its IHDR: 180 × 180.
  const bytes = await png.body();
  expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([180, 180]);
  expect(missing).toEqual([]);
});
