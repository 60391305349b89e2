import { defineConfig } from "@playwright/test";
import { resolveChromium } from "@/lib/testing/chromium";
import { productWebServer } from "./e2e/product-server";
import { screenshotsPlace } from "./e2e/screenshots/place";

// `npm run screenshots`: the README's pictures of the demo, taken in Chromium against the product
// started as `npm start` starts it, on a fresh data directory.
const chromium = await resolveChromium();

export default defineConfig({
  testDir: "e2e/screenshots",
  testMatch: "*.shots.ts",
  timeout: 900_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${screenshotsPlace.port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromium.executablePath, args: chromium.args },
  },
  webServer: productWebServer(screenshotsPlace),
});
