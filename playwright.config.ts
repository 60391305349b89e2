import { defineConfig } from "@playwright/test";
import { resolveChromium } from "@/lib/testing/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
export const e2eBaseUrl = `http://localhost:${port}`;
// CHROMIUM_PATH, else /usr/bin/chromium, else the npm package's headless Chromium (unpacked once).
const chromium = await resolveChromium();

// The app under test is started exactly as `npm start` starts it, on a fresh data directory.
export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromium.executablePath, args: chromium.args },
  },
  webServer: {
    command: `rm -rf ${dataDir} && npm start`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      APP_URL: e2eBaseUrl,
      VSTAR_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54349",
      DEMO_MODE: "true",
      // Every test signs in from 127.0.0.1, more often than the per-address default allows.
      SIGN_IN_RATE_LIMIT: "1000",
    },
    gracefulShutdown: { signal: "SIGINT", timeout: 60_000 },
  },
});
