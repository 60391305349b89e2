// npm start (production build) and npm run dev (Next.js dev server): the whole product on one
// machine — PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data on first run,
// the simulator backend, a worker and the web app. What crashes is started again (after a growing
// back-off) and the rest stays up; Ctrl-C stops all of it, PostgreSQL last.
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir, projectRoot } from "@/lib/config/paths";
import { openDatabaseServer, type DatabaseServer } from "@/lib/db/database-server";
import { applyMigrations } from "@/lib/db/migrations";
import { ensureAuthSecret } from "@/lib/auth/secret";
import { trustedProxies } from "@/lib/http/client-address";
import { seedOnFirstRun } from "@/lib/demo/seed";
import { log, logFormatFrom } from "@/lib/log";
import { WORKER_NODE_FLAGS } from "@/lib/jobs/worker-node-flags";
import { describeMediaTool, MEDIA_TOOL_ENV, resolveMediaTool } from "@/lib/media/tool-paths";
import type { ChildOutput } from "./child-output";
import { SupervisedChild, Supervisor } from "./child-processes";
import { choosePort } from "./free-port";
import { buildWeb, webBuildIsStale } from "./web-build";
import { waitForUrl } from "./wait-for-url";

// No telemetry: nothing leaves the machine that runs the product. Set before anything starts (the
// build, the web app): every child inherits it.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { values: flags } = parseArgs({ options: { dev: { type: "boolean", default: false } } });
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
let simUrl = "";
const CHILD_GRACE_MS = 15_000;
/** The worker finishes or hands back its jobs within this, before the launcher's own limit ends it. */
const WORKER_GRACE_MS = 10_000;
// The children log the way the launcher does (readable at a terminal, JSON lines otherwise).
const logFormat = logFormatFrom(process.env, process.stdout.isTTY === true);
const childOutput: ChildOutput = {
  format: logFormat,
  logger: log,
  write: (line, stream) => (stream === "stderr" ? process.stderr : process.stdout).write(`${line}\n`),
};

const children: SupervisedChild[] = [];
let database: DatabaseServer | undefined;
let databaseSupervisor: Supervisor | undefined;
let stopping: Promise<void> | undefined;

/**
 * The children first (the worker finishes or hands back its jobs while the database still runs),
 * PostgreSQL last: it runs in a process group of its own, so a terminal's Ctrl-C reached only us.
 */
function stopEverything(exitCode: number): Promise<void> {
  stopping ??= (async () => {
    databaseSupervisor?.stop();
    await Promise.all(children.map((child) => child.stop(CHILD_GRACE_MS)));
    if (database?.server) log.info("Stopping PostgreSQL");
    await database?.close().catch((error: unknown) => log.error("PostgreSQL did not stop cleanly", { error }));
    process.exit(exitCode);
  })();
  return stopping;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!stopping) log.info(`${signal}: stopping Video-STaR Studio…`);
    void stopEverything(0);
  });
}
process.on("uncaughtException", (error) => {
  log.error("Uncaught exception; stopping everything", { error });
  void stopEverything(1);
});

try {
  await main();
} catch (error) {
  log.error(`Video-STaR Studio could not start: ${error instanceof Error ? error.message : String(error)}`, { error });
  await stopEverything(1);
}

async function main(): Promise<void> {
  // A bad TRUSTED_PROXIES stops the start here, with its message, rather than in the web app.
  trustedProxies();
  chooseMediaTools();
  const userGaveDatabase = Boolean(process.env.DATABASE_URL);
  database = await openDatabaseServer(postgresLog());
  log.info(database.embedded ? `PostgreSQL (embedded) at ${redact(database.url)}` : `PostgreSQL at ${redact(database.url)}`);
  process.env.DATABASE_URL = database.url;
  // Children see DATABASE_URL either way; this tells them whether it is the embedded server (demo default).
  process.env.VSTAR_EMBEDDED_DB = userGaveDatabase ? "0" : "1";
  ensureAuthSecret();
  // The simulator backend (seeded as the demo backends) is reached here by the worker and the web app.
  const simPort = await choosePort(Number(process.env.SIM_PORT ?? 8765), process.env.SIM_PORT !== undefined);
  simUrl = `http://127.0.0.1:${simPort}`;
  process.env.SIM_URL = simUrl;

  const applied = await applyMigrations(database.url);
  if (applied.length) log.info(`Applied migrations: ${applied.join(", ")}`);
  const seeded = await seedOnFirstRun();
  if (stopping) return;

  superviseDatabase(database);
  const env = { ...process.env, DATABASE_URL: database.url, APP_URL: appUrl, SIM_URL: simUrl, LOG_FORMAT: logFormat };
  const sim = launch("sim", process.execPath, [
    "--import",
    "tsx",
    path.join(projectRoot, "lib/cli/sim.ts"),
    "--port",
    String(new URL(simUrl).port),
    "--adapter-files",
  ]);
  await waitForUrl(`${simUrl}/health`, 60_000, () => sim.current.process.exitCode !== null);
  sim.supervise();
  const worker = launch("worker", process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", path.join(projectRoot, "workers/main.ts")], {
    WORKER_GRACE_MS: process.env.WORKER_GRACE_MS ?? String(WORKER_GRACE_MS),
  });
  worker.supervise();

  if (!flags.dev && webBuildIsStale()) {
    log.info("Building the web app (first run, or sources changed)…");
    await buildWeb();
  }
  if (stopping) return;
  const web = launch("web", process.execPath, [
    "--import",
    "tsx",
    path.join(projectRoot, "lib", "launcher", "web-server.ts"),
    "--port",
    String(port),
    "--hostname",
    host,
    ...(flags.dev ? ["--dev"] : []),
  ]);
  await waitForUrl(`http://${host}:${port}/api/health`, 120_000, () => web.current.process.exitCode !== null);
  web.supervise();
  log.info(`Video-STaR Studio is running at ${appUrl}`);
  for (const line of seeded.loginLines) log.info(line);
  log.info("Press Ctrl-C to stop.");

  function launch(name: string, command: string, args: string[], extraEnv: Record<string, string> = {}): SupervisedChild {
    const child = new SupervisedChild({ name, command, args, env: { ...env, ...extraEnv } }, childOutput, log);
    children.push(child);
    return child;
  }
}

/** The embedded PostgreSQL this launcher started is started again when it ends on its own (a crash, a kill). */
function superviseDatabase(server: DatabaseServer): void {
  const postgres = server.server;
  if (!postgres) return;
  const ended = () => postgres.exited.then((exit) => `exited (${exit.signal ?? `code ${exit.code ?? "?"}`})`);
  databaseSupervisor = new Supervisor("PostgreSQL", log);
  databaseSupervisor.watch(ended(), async () => {
    await postgres.start();
    return { ended: ended() };
  });
}

/**
 * Finds ffmpeg and ffprobe once, says which are used, and hands the same binaries to the worker
 * and the web app through FFMPEG_PATH / FFPROBE_PATH. Throws (and the start fails) when one is missing.
 */
function chooseMediaTools(): void {
  for (const tool of ["ffmpeg", "ffprobe"] as const) {
    const resolved = resolveMediaTool(tool);
    log.info(`Using ${describeMediaTool(resolved)}`);
    process.env[MEDIA_TOOL_ENV[tool]] = resolved.path;
  }
}

/** PostgreSQL's own log goes to a file; the terminal stays readable. */
function postgresLog(): (line: string) => void {
  const logDir = path.join(dataDir(), "logs");
  mkdirSync(logDir, { recursive: true });
  const stream = createWriteStream(path.join(logDir, "postgres.log"), { flags: "a" });
  return (line) => stream.write(`${line}\n`);
}

function redact(url: string): string {
  return url.replace(/:\/\/([^:@]+):[^@]*@/, "://$1:***@");
}
