// npm run bench:import — imports a generated 545k-row Kinetics-700 CSV into a throwaway database
// (on TEST_DATABASE_URL's server, or an embedded one under <VSTAR_DATA_DIR>/test-postgres on
// TEST_PG_PORT) and prints rows/s and peak memory. Target: the whole file in ≤ 30 s.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
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

const { values } = parseArgs({ options: { rows: { type: "string", default: "545000" }, seed: { type: "string", default: "700" } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) throw new Error("--rows must be a positive integer");

let server: LocalPostgres | undefined;
const serverUrl =
  process.env.TEST_DATABASE_URL ??
  (server = await startLocalPostgres({ dir: path.join(dataDir(), "test-postgres"), port: Number(process.env.TEST_PG_PORT ?? 54339), database: "postgres" })).url;
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
  console.log(`generated ${rows.toLocaleString("en")} rows (${((await stat(file)).size / 2 ** 20).toFixed(1)} MiB) in ${seconds(started)} s`);

  const peak = new PeakRss();
  const options = { datasetName: "Kinetics-700 benchmark", format: "kinetics" as const, file, checkMedia: false };
  for (const attempt of ["first import", "re-import (adds nothing)"]) {
    const row = await requestImport(options, { userId: null });
    peak.reset();
    started = performance.now();
    const outcome = await runImport(row.id, {
      onProgress: ({ recordsRead }) => process.stdout.write(`\r  ${attempt}: ${recordsRead.toLocaleString("en")} rows read…`),
    });
    const elapsed = (performance.now() - started) / 1000;
    process.stdout.write("\n");
    if (outcome.status !== "SUCCEEDED") throw new Error(`${attempt} was ${outcome.status}: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    const { counts } = outcome;
    console.log(
      `${attempt}: ${outcome.recordsRead.toLocaleString("en")} rows in ${elapsed.toFixed(1)} s = ${Math.round(outcome.recordsRead / elapsed).toLocaleString("en")} rows/s; ` +
        `videos +${counts.videosCreated} ~${counts.videosUpdated}, labels +${counts.labelsCreated}, questions +${counts.questionsCreated}; ` +
        `peak RSS ${peak.mib()} MiB (${elapsed <= 30 ? "within" : "OVER"} the 30 s target)`,
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
