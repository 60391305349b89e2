import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/config/paths";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "instrumentation-client.ts",
  "postcss.config.mjs",
  "package-lock.json",
];
const SKIPPED = new Set(["node_modules", ".next", "generated"]);
const distDir = () => process.env.NEXT_DIST_DIR ?? ".next";

/**
 * What the build takes from the environment (the CSP names the S3 endpoint media comes from): a
 * build made under other settings is stale.
 */
const buildSettings = () => JSON.stringify({ csp: contentSecurityPolicy({ ...process.env, NODE_ENV: "production" }) });
const settingsFile = () => path.join(projectRoot, distDir(), "vstar-build-settings.json");

/** True when there is no production build, a source file changed after it was made, or its settings did. */
export function webBuildIsStale(): boolean {
  const buildId = path.join(projectRoot, distDir(), "BUILD_ID");
  if (!existsSync(buildId)) return true;
  if (!existsSync(settingsFile()) || readFileSync(settingsFile(), "utf8") !== buildSettings()) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestChange(path.join(projectRoot, source)) > builtAt);
}

/** `next build` as a child process, so the launcher keeps answering signals while it runs. */
export function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    // No telemetry: nothing leaves the machine that builds the product.
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    const build = spawn(nextBin(), ["build"], { cwd: projectRoot, stdio: "inherit", env });
    build.on("error", reject);
    build.on("exit", (code, signal) => {
      if (code !== 0) return reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`));
      writeFileSync(settingsFile(), buildSettings());
      resolve();
    });
  });
}

function nextBin(): string {
  return path.join(projectRoot, "node_modules", ".bin", "next");
}

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry, { withFileTypes: true })) {
    if (SKIPPED.has(child.name) || child.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestChange(path.join(entry, child.name)));
  }
  return newest;
}
