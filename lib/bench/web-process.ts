import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "@/lib/config/paths";
import { BENCH_PASSWORD } from "./bench-names";

// The production web server the HTTP and page benchmarks run against, and signing in to it.
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3737);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const WEB_LOG = path.join(tmpdir(), `vstar-bench-web-${PORT}.log`);

export interface Session {
  email: string;
  cookie: string;
}

export async function signIn(email: string): Promise<Session> {
  const response = await fetch(`${ORIGIN}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  return {
    email,
    cookie: response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; "),
  };
}

/** lib/launcher/web-server.ts on the production build, on `databaseUrl`; resolves once it answers. */
export async function startWebServer(databaseUrl: string): Promise<ChildProcess> {
  if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first");
  // node itself (not the tsx launcher) so the child's pid is the server whose memory is measured.
  const child = spawn(process.execPath, ["--import", "tsx", "lib/launcher/web-server.ts", "--port", String(PORT)], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_URL: ORIGIN, SIGN_IN_RATE_LIMIT: "1000", NODE_ENV: "production" },
    stdio: ["ignore", openSync(WEB_LOG, "w"), "inherit"],
  });
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the web server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${ORIGIN}/api/health`)).status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill();
  throw new Error("the web server did not answer within 60 s");
}

export async function stopWebServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
