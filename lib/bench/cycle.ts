// npm run bench:cycle [-- --questions 100000 --batch 1000 --concurrency 64] — N questions through
// generate → verify → store against a zero-latency simulator (its own process) and one worker
// process, on a throwaway database (TEST_DATABASE_URL's server, or the embedded one under
// <VSTAR_DATA_DIR>/test-postgres on TEST_PG_PORT). Prints generations/s and the worker's memory.
// Target: ≥ 2,000 generations/s on 2 cores, memory flat in the number of questions.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { dataDir } from "@/lib/config/paths";
import { poolConfigFromUrl, withDatabase } from "@/lib/db/connection-config";
import { startLocalPostgres, type LocalPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { spawnScript, waitFor, type SpawnedScript } from "@/lib/testing/processes";

const { values } = parseArgs({
  options: { questions: { type: "string", default: "100000" }, batch: { type: "string", default: "1000" }, concurrency: { type: "string", default: "64" } },
});
const questions = positive("questions");
const batchSize = positive("batch");
const concurrency = positive("concurrency");

function positive(name: keyof typeof values): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** Resident memory of a process, from /proc (kB → MiB): current and peak (VmHWM). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: Math.round(field("VmRSS")), peak: Math.round(field("VmHWM")) };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(withDatabase(serverUrl, "postgres")));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let server: LocalPostgres | undefined;
const serverUrl =
  process.env.TEST_DATABASE_URL ??
  (server = await startLocalPostgres({ dir: path.join(dataDir(), "test-postgres"), port: Number(process.env.TEST_PG_PORT ?? 54339), database: "postgres" })).url;
const database = `vstar_bench_cycle_${randomBytes(4).toString("hex")}`;
await admin(serverUrl, `CREATE DATABASE "${database}"`);
process.env.DATABASE_URL = withDatabase(serverUrl, database);
let sim: SpawnedScript | undefined;
let worker: SpawnedScript | undefined;

try {
  await applyMigrations(process.env.DATABASE_URL);
  // Imported after DATABASE_URL is set: the pool and Prisma read it when first used.
  const { closePool, pool } = await import("@/lib/db/pool");
  const { disconnectPrisma } = await import("@/lib/db/prisma");
  const cycles = await import("@/lib/cycles");
  const { createFixtureDataset, createSimulatorBackends } = await import("@/lib/cycles/testing/fixtures");

  const simPort = 20000 + Math.floor(Math.random() * 20000);
  sim = spawnScript("lib/cli/sim.ts", {}, ["--port", String(simPort), "--seed", "3"]);
  const simUrl = `http://127.0.0.1:${simPort}`;
  await waitFor(() => fetch(`${simUrl}/health`).then((r) => r.ok).catch(() => false), `the simulator (${sim.output()})`);

  let started = performance.now();
  const dataset = await createFixtureDataset({ name: "bench-cycle", train: questions });
  console.log(`fixture: ${questions.toLocaleString("en")} questions in ${seconds(started)} s`);
  const backends = await createSimulatorBackends({ tag: "bench", url: simUrl, inference: { maxConcurrency: concurrency, timeoutMs: 60_000 } });

  worker = spawnScript("workers/main.ts", { WORKER_GRACE_MS: "1000", ...(process.env.BENCH_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS } : {}) });
  const workerPid = worker.child.pid!;
  await waitFor(async () => (await pool().query(`SELECT 1 FROM "WorkerHeartbeat" WHERE pid = $1`, [workerPid])).rowCount === 1, "the worker to start", 60_000);
  const idle = memoryOf(workerPid);

  const { runId, cycleId } = await cycles.launchRun({
    name: "bench",
    datasets: [{ dataset: dataset.datasetId, sampleSize: null, splits: ["train"] }],
    backends,
    evaluation: { enabled: false },
    rationalization: { enabled: false },
    stopRule: { maxCycles: 1 },
    execution: { batchSize, tickSeconds: 1 },
  });
  started = performance.now();
  const count = async (sql: string) => (await pool().query<{ n: number }>(sql, [cycleId])).rows[0]!.n;
  const samples: string[] = [];
  let generatedAt: number | null = null;
  let rssPeakDuringRun = 0;
  for (let tick = 0; ; tick++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const generations = await count(`SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1`);
    const verdicts = await count(`SELECT count(*)::int AS n FROM "Verdict" v JOIN "Generation" g ON g.id = v."generationId" WHERE g."cycleId" = $1`);
    const memory = memoryOf(workerPid);
    rssPeakDuringRun = Math.max(rssPeakDuringRun, memory.rss);
    if (generatedAt === null && generations >= questions) generatedAt = performance.now();
    if (tick % 5 === 0) samples.push(`${seconds(started).padStart(6)} s  generations ${String(generations).padStart(7)}  verdicts ${String(verdicts).padStart(7)}  worker RSS ${memory.rss} MiB`);
    if (verdicts >= questions) break;
    if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output().slice(-2000)}`);
    if (performance.now() - started > 30 * 60_000) throw new Error("gave up after 30 minutes");
  }
  const total = (performance.now() - started) / 1000;
  const generateSeconds = ((generatedAt ?? performance.now()) - started) / 1000;
  const memory = memoryOf(workerPid);
  await cycles.cancelRun(runId).catch(() => {});
  console.log(samples.join("\n"));
  console.log(
    [
      `questions:               ${questions.toLocaleString("en")} (batches of ${batchSize}, ${concurrency} requests in flight)`,
      `generate:                ${generateSeconds.toFixed(1)} s  → ${Math.round(questions / generateSeconds).toLocaleString("en")} generations/s`,
      `generate → verify → store: ${total.toFixed(1)} s  → ${Math.round(questions / total).toLocaleString("en")} generations/s (1 s polling)`,
      `worker memory:           idle ${idle.rss} MiB, peak RSS while running ${rssPeakDuringRun} MiB (VmHWM ${memory.peak} MiB), at the end ${memory.rss} MiB`,
    ].join("\n"),
  );
  await cycles.stopJobSender();
  await disconnectPrisma();
  await closePool();
} finally {
  worker?.child.kill(process.env.BENCH_WORKER_NODE_OPTIONS ? "SIGINT" : "SIGKILL");
  if (worker) await worker.exited;
  sim?.child.kill("SIGTERM");
  await admin(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
  await server?.stop();
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
