import type { PlaywrightTestConfig } from "@playwright/test";

type WebServer = Extract<NonNullable<PlaywrightTestConfig["webServer"]>, { command: string }>;

export interface ProductServerPlace {
  /** The web app's port. */
  port: number;
  /** Its VSTAR_DATA_DIR, emptied before it starts. */
  dataDir: string;
  /** Its embedded PostgreSQL's port. */
  pgPort: string;
}

/** The app under test, started exactly as `npm start` starts it, in demo mode on a fresh data directory. */
export function productWebServer({ port, dataDir, pgPort }: ProductServerPlace): WebServer {
  return {
    command: `rm -rf ${dataDir} && npm start`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      VSTAR_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: pgPort,
      DEMO_MODE: "true",
      // Every test signs in from 127.0.0.1, more often than the per-address default allows.
      SIGN_IN_RATE_LIMIT: "1000",
    },
    gracefulShutdown: { signal: "SIGINT", timeout: 60_000 },
  };
}
