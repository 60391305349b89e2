import { defineConfig } from "@playwright/test";
import { resolveChromium } from "@/lib/testing/chromium";
import { productWebServer } from "./e2e/product-server";

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
export const e2eBaseUrl = `http://localhost:${port}`;
// CHROMIUM_PATH, else /usr/bin/chromium, else the npm package's headless Chromium (unpacked once).
const chromium = await resolveChromium();

export default defineConfig({
  testDir: "e2e",
  // e2e/integration is a Vitest suite of its own (npm run test:integration).
  testIgnore: "integration/**",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromium.executablePath, args: chromium.args },
  },
  webServer: productWebServer({ port, dataDir, pgPort: process.env.E2E_PG_PORT ?? "54349" }),
});
