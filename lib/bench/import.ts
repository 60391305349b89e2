// npm run bench:import — imports a generated 545k-row Kinetics-700 CSV into a throwaway database
// (on TEST_DATABASE_URL's server, or an embedded one under <VSTAR_DATA_DIR>/test-postgres on
// TEST_PG_PORT) and prints rows/s, peak memory, where the time went and the machine's load.
// Target: the whole file in ≤ 30 s.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { dataDir } from "@/lib/config/paths";
import { poolConfigFromUrl, withDatabase } from "@/lib/db/connection-config";
import { startLocalPostgres, type LocalPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";

/** Samples resident memory every 50 ms (process.resourceUsage's maxRSS never goes down between runs). */
class PeakRss {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => (this.peak = Math.max(this.peak, process.memoryUsage.rss())), 50);
  reset(): void {
    this.peak = process.memoryUsage.rss();
  }
  mib(): number {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return Math.round(this.peak / 2 ** 20);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * CPU time of the embedded server's processes (backends and background workers), read from /proc:
 * the database's own work, whatever else the machine is doing. Only for a server of this machine.
 */
class ServerCpu {
  constructor(private readonly url: string) {}

  async seconds(): Promise<number> {
    const client = new pg.Client(poolConfigFromUrl(this.url));
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()");
      let ticks = 0;
      for (const { pid } of rows) {
        const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
        if (stat === null) continue;
        // utime and stime: fields 14 and 15 of /proc/PID/stat, counted after the ")" closing the command name.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks += Number(fields[11]) + Number(fields[12]);
      }
      return ticks / 100;
    } finally {
      await client.end();
    }
  }
}

const { values } = parseArgs({ options: { rows: { type: "string", default: "545000" }, seed: { type: "string", default: "700" } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) throw new Error("--rows must be a positive integer");

let server: LocalPostgres | undefined;
const serverUrl =
  process.env.TEST_DATABASE_URL ??
  (server = await startLocalPostgres({
    dir: path.join(dataDir(), "test-postgres"),
    port: Number(process.env.TEST_PG_PORT ?? 54339),
    database: "postgres",
  })).url;
const database = `vstar_bench_${randomBytes(4).toString("hex")}`;
await admin(serverUrl, `CREATE DATABASE "${database}"`);
process.env.DATABASE_URL = withDatabase(serverUrl, database);
const dir = await mkdtemp(path.join(tmpdir(), "bench-import-"));

try {
  await applyMigrations(process.env.DATABASE_URL);
  // Imported after DATABASE_URL is set: the pool and Prisma read it when first used.
  const { generateKineticsCsv } = await import("@/lib/datasets/kinetics/generate");
  const { requestImport } = await import("@/lib/datasets/request-import");
  const { runImport } = await import("@/lib/datasets/run-import");
  const { closePool } = await import("@/lib/db/pool");
  const { disconnectPrisma } = await import("@/lib/db/prisma");

  const file = path.join(dir, "kinetics700_train.csv");
  let started = performance.now();
  await generateKineticsCsv(file, rows, Number(values.seed));
  console.log(
    `generated ${rows.toLocaleString("en")} rows (${((await stat(file)).size / 2 ** 20).toFixed(1)} MiB) in ${seconds(started)} s`,
  );

  const serverCpu = server === undefined ? null : new ServerCpu(process.env.DATABASE_URL);
  const peak = new PeakRss();
  console.log(`RSS before importing: ${peak.mib()} MiB`);
  const options = { datasetName: "Kinetics-700 benchmark", format: "kinetics" as const, file, checkMedia: false };
  for (const attempt of ["first import", "re-import (adds nothing)"]) {
    const row = await requestImport(options, { userId: null });
    peak.reset();
    const serverCpuBefore = await serverCpu?.seconds();
    const cpuBefore = process.cpuUsage();
    started = performance.now();
    const outcome = await runImport(row.id, {
      onProgress: ({ recordsRead }) => process.stdout.write(`\r  ${attempt}: ${recordsRead.toLocaleString("en")} rows read…`),
    });
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const serverCpuUsed = serverCpu === null || serverCpuBefore === undefined ? null : (await serverCpu.seconds()) - serverCpuBefore;
    process.stdout.write("\n");
    if (outcome.status !== "SUCCEEDED")
      throw new Error(`${attempt} was ${outcome.status}: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    const { counts } = outcome;
    console.log(
      `${attempt}: ${outcome.recordsRead.toLocaleString("en")} rows in ${elapsed.toFixed(1)} s = ${Math.round(outcome.recordsRead / elapsed).toLocaleString("en")} rows/s; ` +
        `videos +${counts.videosCreated} ~${counts.videosUpdated}, labels +${counts.labelsCreated} ~${counts.labelsUpdated}, ` +
        `questions +${counts.questionsCreated} ~${counts.questionsUpdated}; peak RSS ${peak.mib()} MiB (${elapsed <= 30 ? "within" : "OVER"} the 30 s target)`,
    );
    const t = outcome.timings;
    const s = (ms: number) => (ms / 1000).toFixed(1);
    console.log(
      `  split: parse ${s(t.parseMs)} s, validate ${s(t.validateMs)} s, write ${s(t.encodeMs + t.writeWaitMs)} s ` +
        `(encoding ${s(t.encodeMs)} s, waiting for the database ${s(t.writeWaitMs)} s), commit ${s(t.commitMs)} s; ` +
        `the database worked ${s(t.stageMs + t.mergeMs)} s (COPY to staging ${s(t.stageMs)} s, merge ${s(t.mergeMs)} s)`,
    );
    console.log(
      `  CPU: this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s` +
        (serverCpuUsed === null ? "" : `, PostgreSQL ${serverCpuUsed.toFixed(1)} s`) +
        `; load average ${loadavg()
          .map((load) => load.toFixed(2))
          .join(" ")} (2 cores shared)`,
    );
  }
  peak.stop();
  await closePool();
  await disconnectPrisma();
} finally {
  await rm(dir, { recursive: true, force: true });
  await admin(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await server?.stop();
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(withDatabase(url, "postgres")));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
