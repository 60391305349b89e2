import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/config/paths";

const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json"];
const SKIPPED = new Set(["node_modules", ".next", "generated"]);
const distDir = () => process.env.NEXT_DIST_DIR ?? ".next";

/** True when there is no production build, or a source file changed after it was made. */
export function webBuildIsStale(): boolean {
  const buildId = path.join(projectRoot, distDir(), "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestChange(path.join(projectRoot, source)) > builtAt);
}

/** `next build` as a child process, so the launcher keeps answering signals while it runs. */
export function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn(nextBin(), ["build"], { cwd: projectRoot, stdio: "inherit", env: process.env });
    build.on("error", reject);
    build.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
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
