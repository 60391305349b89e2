import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

// Real cycles for the e2e specs: a run launched with `npm run cycle -- --config FILE` against the
// database of the app under test, whose workers and simulator (started by playwright.config.ts)
// run it through the real engine, the simulator over HTTP and the real verifier.

const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";
const pgPort = process.env.E2E_PG_PORT ?? "54349";

/** The embedded PostgreSQL of the app under test (its password is in the app's data folder). */
function e2eDatabaseUrl(): string {
  const password = readFileSync(path.join(dataDir, "postgres", "password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/vstar`;
}

/** A read-only query on the e2e database. */
export async function queryE2e<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface RunCycle {
  id: number;
  index: number;
  status: string;
}

export interface FinishedRun {
  runId: number;
  /** In order of index. */
  cycles: RunCycle[];
  seconds: number;
}

/**
 * Launches a run with lib/cli/cycle.ts (a cycle configuration, see lib/cycles/README.md) and waits
 * for the CLI to exit 0, which it does when the run is DONE; anything else fails with its output.
 */
export async function runCyclesToCompletion(config: Record<string, unknown>, timeoutMs = 240_000): Promise<FinishedRun> {
  const dir = mkdtempSync(path.join(tmpdir(), "vstar-e2e-run-"));
  const file = path.join(dir, "cycle.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  const started = Date.now();
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "lib/cli/cycle.ts", "--config", file],
        {
          env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), VSTAR_DATA_DIR: dataDir },
          timeout: timeoutMs,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, out, err) => (error ? reject(new Error(`npm run cycle failed (${error.message}):\n${out}\n${err}`)) : resolve(out)),
      );
    });
    const launched = /Launched run (\d+)\./.exec(stdout);
    if (!launched) throw new Error(`npm run cycle did not say which run it launched:\n${stdout}`);
    const runId = Number(launched[1]);
    const cycles = await queryE2e<RunCycle>(`SELECT id, index, status::text AS status FROM "Cycle" WHERE "runId" = $1 ORDER BY index`, [
      runId,
    ]);
    return { runId, cycles, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
