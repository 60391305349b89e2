/**
 * Where `npm run screenshots` runs its own product instance: a fresh data directory of its own, on
 * the e2e ports (E2E_PORT, E2E_PG_PORT), so it never runs beside the browser tests.
 */
export const screenshotsPlace = {
  port: Number(process.env.E2E_PORT ?? 3100),
  dataDir: ".data/screenshots",
  pgPort: process.env.E2E_PG_PORT ?? "54349",
};

/** The README's pictures. */
export const SCREENSHOTS_DIR = "e2e/screenshots/images";
