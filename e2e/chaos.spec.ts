import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";

// A product instance of its own (data directory and ports beside the main e2e instance's), started
// with `npm start`, runs a cycle while its worker is killed with SIGKILL three times and its embedded
// PostgreSQL once. The launcher starts each again; the web app answers throughout (but while the
// database is down), the run ends with every generation once, and the batches of each dead worker
// go to another worker within 30 s.
const port = Number(process.env.E2E_PORT ?? 3100) + 80;
const simPort = port + 1;
const pgPort = Number(process.env.E2E_PG_PORT ?? 54349) + 20;
const dataDir = ".data/e2e-chaos";
const app = `http://127.0.0.1:${port}`;
const QUESTIONS = 1000;
const HELD_OUT = 20;
const TAKEOVER_LIMIT_MS = 30_000;

function startProduct() {
  const child = spawn("npm", ["start"], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      SIM_PORT: String(simPort),
      VSTAR_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      DEMO_MODE: "true",
      LOG_FORMAT: "json",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** A query on the instance's database, on a connection of its own (the server restarts meanwhile). */
async function query<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const password = readFileSync(path.join(dataDir, "postgres", "password"), "utf8").trim();
  const client = new pg.Client({
    connectionString: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/vstar`,
    connectionTimeoutMillis: 2_000,
  });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The same, tried again while the database is down. */
async function queryThrough<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await query<Row>(sql, params);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** `QUESTIONS` training and `HELD_OUT` test questions, one READY clip each (the engine's test fixtures' shape). */
async function createDataset(name: string): Promise<number> {
  const [dataset] = await query<{ id: number }>(
    `INSERT INTO "Dataset" (name, format, description) VALUES ($1, 'GENERIC', 'chaos test fixture') RETURNING id`,
    [name],
  );
  const classes = ["riding camel", "playing cello", "juggling balls", "washing dishes", "shoveling snow", "knitting scarf"];
  const total = QUESTIONS + HELD_OUT;
  await query(
    `WITH v AS (
       INSERT INTO "Video" ("datasetId", key, split, "mediaPath", "durationSec", "mediaStatus")
       SELECT $1, 'clip-' || i, CASE WHEN i < $2 THEN 'train' ELSE 'test' END, 'fixtures/clip-' || i || '.mp4', 8, 'READY'
         FROM generate_series(0, $3 - 1) AS i
       RETURNING id, key, split)
     INSERT INTO "Question" ("datasetId", "videoId", key, kind, text, targets, split)
     SELECT $1, v.id, 'q', 'kinetics-class', 'What is the person doing in this video?',
            jsonb_build_array(jsonb_build_object('labelType', 'class', 'label', ($4::text[])[1 + (substr(v.key, 6)::int % $5)])), v.split
       FROM v`,
    [dataset!.id, QUESTIONS, total, classes, classes.length],
  );
  return dataset!.id;
}

async function signIn(): Promise<string> {
  const response = await fetch(`${app}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
    body: JSON.stringify({ email: "researcher@demo.local", password: "vstar-demo-password" }),
  });
  expect(response.ok).toBe(true);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

interface Probe {
  at: number;
  what: string;
  /** The HTTP status, or the network error's message when there was no answer at all. */
  answer: number | string;
}

/** Asks the health route and an API that reads the database (a session, the run) every 250 ms until stopped. */
function probeContinuously(cookie: string, runId: () => number | undefined) {
  const probes: Probe[] = [];
  let running = true;
  const ask = async (what: string, url: string, headers: Record<string, string> = {}) => {
    const at = Date.now();
    const answer = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) })
      .then((response) => response.status)
      .catch((error: unknown) =>
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
      );
    probes.push({ at, what, answer });
  };
  const loop = (async () => {
    while (running) {
      const id = runId();
      await Promise.all([
        ask("health", `${app}/api/health`),
        id === undefined ? Promise.resolve() : ask("run status", `${app}/api/cycles/${id}`, { cookie, origin: `http://localhost:${port}` }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    probes,
    async stop() {
      running = false;
      await loop;
    },
  };
}

async function answers(cycleId: number): Promise<number> {
  const [row] = await queryThrough<{ n: number }>(`SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1 AND mode = 'ANSWER'`, [
    cycleId,
  ]);
  return row!.n;
}

async function waitForAnswers(cycleId: number, atLeast: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const n = await answers(cycleId);
    if (n >= atLeast) return n;
    if (Date.now() > deadline) throw new Error(`no progress to ${atLeast} answers (at ${n})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The worker that beats now: its heartbeat id and process id. */
async function liveWorker(): Promise<{ id: string; pid: number }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await queryThrough<{ id: string; pid: number }>(
      `SELECT id, pid FROM "WorkerHeartbeat" WHERE status = 'running' AND "lastBeatAt" > now() - interval '6 seconds'
        ORDER BY "startedAt" DESC LIMIT 1`,
    );
    const worker = rows[0];
    if (worker && isAlive(worker.pid)) return worker;
    if (Date.now() > deadline) throw new Error("no live worker");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Milliseconds from a worker's death until every batch it held (claimed, or sent with a job some
 * worker took and had not claimed yet) was claimed by another worker or done.
 */
async function takeover(cycleId: number, deadWorkerId: string, diedAt: number): Promise<{ held: number; waited: number }> {
  const held = await queryThrough<{ id: number }>(
    `SELECT b.id FROM "StageBatch" b LEFT JOIN pgboss.job j ON j.id = b."jobId"
      WHERE b."cycleId" = $1 AND b.status = 'RUNNING' AND (b."workerId" = $2 OR (b."startedAt" IS NULL AND j.state = 'active'))`,
    [cycleId, deadWorkerId],
  );
  const ids = held.map((row) => row.id);
  for (;;) {
    const [row] = await queryThrough<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM "StageBatch"
        WHERE id = ANY($1::int[]) AND status <> 'DONE' AND ("startedAt" IS NULL OR "workerId" IS NOT DISTINCT FROM $2)`,
      [ids, deadWorkerId],
    );
    const waited = Date.now() - diedAt;
    if (row!.waiting === 0 || waited > 60_000) return { held: ids.length, waited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function killWorker(cycleId: number) {
  const worker = await liveWorker();
  process.kill(worker.pid, "SIGKILL");
  return takeover(cycleId, worker.id, Date.now());
}

/** SIGKILL to the postmaster; resolves with when it went down and when it accepted connections again. */
async function killPostgres(): Promise<{ downAt: number; upAt: number }> {
  const pid = Number(readFileSync(path.join(dataDir, "postgres", "pgdata", "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(pid, "SIGKILL");
  const downAt = Date.now();
  await queryThrough("SELECT 1");
  return { downAt, upAt: Date.now() };
}

/** Live processes of the product's process group, or using its data directory (postgres). */
function leftovers(groupId: number): string[] {
  const listing = execFileSync("ps", ["-eo", "pgid=,stat=,args="], { encoding: "utf8" });
  return listing
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !/^\d+\s+Z/.test(line))
    .filter((line) => line.startsWith(`${groupId} `) || line.includes(dataDir));
}

test("worker killed three times and PostgreSQL once during a run: the app answers, the run ends with every generation once", async () => {
  test.setTimeout(300_000);
  execFileSync("rm", ["-rf", dataDir]);
  const product = startProduct();
  const groupId = product.child.pid!;
  try {
    await expect.poll(() => product.output(), { timeout: 180_000, intervals: [500] }).toContain("Video-STaR Studio is running");
    const datasetId = await createDataset(`chaos ${Date.now().toString(36)}`);
    // Slow enough answers (32 in flight, 1.5 s each) that the kills land mid-stage.
    const slowed = await fetch(`http://127.0.0.1:${simPort}/_sim/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ latencyMs: 1500 }),
    });
    expect(slowed.ok).toBe(true);
    const cookie = await signIn();
    let runId: number | undefined;
    const probe = probeContinuously(cookie, () => runId);

    const launched = await fetch(`${app}/api/cycles`, {
      method: "POST",
      headers: { cookie, origin: `http://localhost:${port}`, "content-type": "application/json" },
      body: JSON.stringify({
        config: {
          name: "chaos",
          datasets: [{ dataset: datasetId, sampleSize: null, splits: ["train"] }],
          evaluation: { enabled: true, sampleSize: null, splits: ["test"] },
          backends: { inference: "simulator", training: "simulator-ray" },
          stopRule: { maxCycles: 1, minYieldGain: 0 },
          // The lease stays at its default (60 s): a dead worker's batches must be noticed by its heartbeat.
          execution: { batchSize: 10, tickSeconds: 1 },
        },
      }),
    });
    expect(launched.status).toBe(201);
    const launchedRun = (await launched.json()) as { runId: number; cycleId: number };
    runId = launchedRun.runId;
    const { cycleId } = launchedRun;

    // Two workers die; once their batches are taken over, PostgreSQL dies; once it is back, a third
    // worker. (A worker dead before the database restarts can only be told from the living once
    // they beat again, some seconds after the restart: that wait is the database's, not the worker's.)
    const killedAt: number[] = [];
    killedAt.push(await waitForAnswers(cycleId, QUESTIONS * 0.1));
    const first = killWorker(cycleId);
    killedAt.push(await waitForAnswers(cycleId, QUESTIONS * 0.3));
    const second = killWorker(cycleId);
    const taken = [await first, await second];
    killedAt.push(await waitForAnswers(cycleId, QUESTIONS * 0.5));
    const outage = await killPostgres();
    killedAt.push(await waitForAnswers(cycleId, QUESTIONS * 0.7));
    taken.push(await killWorker(cycleId));
    expect(
      killedAt.every((n) => n < QUESTIONS),
      `answers at each kill: ${killedAt.join(", ")}`,
    ).toBe(true);

    const deadline = Date.now() + 150_000;
    let status = "ACTIVE";
    while (status === "ACTIVE" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await queryThrough<{ status: string }>(`SELECT status::text AS status FROM "Run" WHERE id = $1`, [runId]))[0]!.status;
    }
    await probe.stop();
    expect(status).toBe("DONE");

    // Every question answered and judged exactly once, and the held-out ones evaluated once.
    const generations = await query<{ mode: string; rows: number; keys: number; verdicts: number }>(
      `SELECT g.mode::text AS mode, count(*)::int AS rows, count(DISTINCT (g."questionId", g."sampleIndex"))::int AS keys,
              count(v.id)::int AS verdicts
         FROM "Generation" g LEFT JOIN "Verdict" v ON v."generationId" = g.id WHERE g."cycleId" = $1 GROUP BY g.mode ORDER BY g.mode`,
      [cycleId],
    );
    expect(generations).toEqual([
      { mode: "ANSWER", rows: QUESTIONS, keys: QUESTIONS, verdicts: QUESTIONS },
      { mode: "EVALUATION", rows: HELD_OUT, keys: HELD_OUT, verdicts: HELD_OUT },
    ]);

    const failures = probe.probes.filter((p) => p.answer !== 200);
    console.log(
      `chaos: answers at each kill ${killedAt.join(", ")}; takeovers ${JSON.stringify(taken)}; database down ${outage.upAt - outage.downAt} ms; ` +
        `${failures.length} of ${probe.probes.length} probes failed, the last ${failures.length ? failures.at(-1)!.at - outage.upAt : 0} ms after the database was back`,
    );
    // The batches of each dead worker went to another worker within seconds of its death.
    expect(taken.some((t) => t.held > 0)).toBe(true);
    expect(Math.max(...taken.map((t) => t.waited)), JSON.stringify(taken)).toBeLessThanOrEqual(TAKEOVER_LIMIT_MS);

    // The web app answered every probe, the health route 200 and the API 200, but while the database
    // was down (and the moment after, until its connections were made again).
    expect(probe.probes.length).toBeGreaterThan(100);
    const outageEnd = outage.upAt + 5_000;
    const failed = probe.probes.filter((p) => p.answer !== 200);
    expect(failed.filter((p) => typeof p.answer === "string")).toEqual([]);
    expect(failed.filter((p) => p.at < outage.downAt - 1_000 || p.at > outageEnd)).toEqual([]);
    expect(failed.length, "the probes saw the outage").toBeGreaterThan(0);

    // The launcher started again what died, and nothing else.
    const restarts = events(product.output())
      .filter((e) => e.msg?.includes("starting it again"))
      .map((e) => e.process);
    expect(restarts.sort()).toEqual(["PostgreSQL", "worker", "worker", "worker"]);

    // Ctrl-C: the worker stops (handing back what it holds) before PostgreSQL is asked to.
    process.kill(-groupId, "SIGINT");
    await product.exited;
    await expect.poll(() => leftovers(groupId), { timeout: 45_000, intervals: [500] }).toEqual([]);
    await expect.poll(() => product.output(), { timeout: 5_000 }).toContain("Stopping PostgreSQL");
    const stopping = events(product.output()).map((e) => `${e.process ?? "launcher"}: ${e.msg}`);
    const workerStopped = stopping.lastIndexOf("worker: Stopped");
    expect(workerStopped).toBeGreaterThan(-1);
    expect(stopping.indexOf("launcher: Stopping PostgreSQL")).toBeGreaterThan(workerStopped);
  } finally {
    await test.info().attach("launcher output", { body: product.output(), contentType: "text/plain" });
    if (product.child.exitCode === null && product.child.signalCode === null) {
      process.kill(-groupId, "SIGINT");
      await product.exited;
    }
    await expect.poll(() => leftovers(groupId), { timeout: 45_000, intervals: [500] }).toEqual([]);
  }
});

/** The launcher's output as events (it logs JSON lines, its children's included). */
function events(output: string): { msg?: string; process?: string }[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as { msg?: string; process?: string }];
      } catch {
        return [];
      }
    });
}
