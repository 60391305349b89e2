// npm run bench:http -- [GENERATIONS=10000000] [--seconds=120] [--annotators=50] [--keep]
// The review and explorer API through HTTP, against the production build (`npm run build` first)
// served by the app's own server (lib/launcher/web-server.ts), on the database `npm run bench:seed`
// filled. Signs in through /api/auth/sign-in/email as the seeded annotators and researcher, then
// prints p50/p95/p99 per call: claim next item, item detail, audit save at 8 annotators at once; the
// explorer list with each filter and full-text search; queue metrics uncached (calls > 2 s apart,
// past the metrics memo). Then 50 annotators loop claim → item → audit for --seconds while the
// web server's RSS is printed every 5 s. Each figure carries the load average and the CPU seconds
// the web server and PostgreSQL spent. Drops the bench database at the end unless --keep.
//
// Each phase also prints the CPU per request of the web server and of PostgreSQL (the latency floor
// on an idle core, and the requests per second 2 cores allow) and, when the server preloads
// pg_stat_statements, the statements PostgreSQL spent the phase on.
//
// On 10,000,000 generations, the machine alone (load 1.3-2.3; p50 / p95 ms):
//   one annotator at a time: next item 13.8 / 20.3, review item 17.8 / 24.3, audit save 11.1 / 16.1
//     (8.6 ms web + 6.0 ms PostgreSQL CPU per request)
//   8 annotators at once: next 67.5 / 100.7, item 51.7 / 74.2, audit 56.6 / 86.7. Limit: CPU —
//     5.7 ms web + 5.6 ms PostgreSQL per request, ≈ 178 requests/s on 2 idle cores, so 8 requests at
//     once queue for the cores (the one-at-a-time figures are the figure per core).
//   explorer list, 4 at once: no filter 18.7 / 23.1, cycle 22.3 / 28.0, the older cycle 21.8 / 30.4,
//     dataset 28.3 / 41.3, mode 27.4 / 37.7, verdict failed 24.2 / 31.4, label type 24.2 / 31.8,
//     unaudited 23.1 / 31.9, cycle + failed + answer 26.2 / 40.5; audit hallucinated 42.4 / 55.9
//     (oldest first 41.8 / 52.7: 12 ms of PostgreSQL CPU a page, collecting the audits)
//   explorer search: rare word 50.5 / 60.9 (12.3 ms PostgreSQL CPU a page: the full-text index's
//     matches, then the page), common words 41.6 / 54.9, rare word + cycle + failed 115 / 194 (no row
//     matches: all 5,000 of the word's answers in that cycle are checked, 54 ms PostgreSQL CPU)
//   explorer count: no filter 9.5 / 16.2 (the planner's estimate), cycle + failed 11.6 / 15.7 ("about
//     N"), search zebra 76 / 93 (exact: 10,000), search + cycle + failed 109 / 154 (exact: 0)
//   queue metrics, 20k items, uncached: 148 / 250 with ~25,000 submitted audits (at the seed's
//     16,300: 134 / 201; after more runs, 35,000 audits on 17,500 items: 256 / 336 — it grows with the
//     audits, ≈ 7 ms per 1,000). Limit: the web server's CPU, 157 ms a call at 25,000 (per-unit
//     tallies, rows parsed from PostgreSQL, and about half of it garbage collection; a 241 kB
//     answer), and PostgreSQL 2 × ~50 ms in parallel. The bench's own loops audit the queue further:
//     re-seed for comparable figures.
//   50 annotators looping claim → item → audit as fast as they can for 150 s: 59.7 loops/s (≈ 180
//     requests/s, the machine's CPU bound above); p50 / p95 next 293 / 385, item 249 / 323, audit
//     278 / 369. Web server RSS 1,116 MB at start, up to 1,899, then 1,571-1,866 (the middle and last
//     thirds' medians 1,775 and 1,571 MB): it saws with V8's collections and does not grow.
// Before (the explorer walked the primary key; load 10-20, so waits included the machine): the
// older cycle 3.4 s in the lib, a 0.1 % dataset at the oldest ids over 60 s, common words 2.1 s,
// rare word + cycle + failed 1.5 s; queue metrics 1.0 / 1.3 s.
import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { dataDir } from "@/lib/config/paths";
import { closePool, pool } from "@/lib/db/pool";
import { openBenchDatabase } from "./bench-database";
import { BENCH_ANNOTATORS, BENCH_RESEARCHER, benchQueueName, benchRunName } from "./bench-names";
import { summarize, type Timing } from "./percentiles";
import { formatStatement, openStatementStats, type StatementStats } from "./statement-stats";
import { ORIGIN, type Session, signIn, startWebServer, stopWebServer, WEB_LOG } from "./web-process";

const TARGET_MS = 50;
const METRICS_TARGET_MS = 200;
const REVIEW_CONCURRENCY = 8;
const REVIEW_LOOPS = 400;
const SEQUENTIAL_LOOPS = 100;
const EXPLORER_SAMPLES = 30;
const EXPLORER_CONCURRENCY = 4;

const argv = process.argv.slice(2);
const generations = Number(argv.find((arg) => /^\d+$/.test(arg)) ?? 10_000_000);
const flag = (name: string, fallback: number) => Number(argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const memorySeconds = flag("seconds", 120);
const memoryAnnotators = Math.min(flag("annotators", 50), BENCH_ANNOTATORS);
const keep = argv.includes("--keep");

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

interface Figure {
  name: string;
  timing: Timing;
  target: number | null;
  load: string;
  cpu: string;
}
const figures: Figure[] = [];

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  let web: ChildProcess | null = null;
  try {
    const queueId = await findQueue();
    const { rows: cycles } = await pool().query<{ id: number }>(
      `SELECT c.id FROM "Cycle" c JOIN "Run" r ON r.id = c."runId" WHERE r.name = $1 ORDER BY c.index`,
      [benchRunName(generations)],
    );
    const { rows: datasets } = await pool().query<{ id: number }>(`SELECT DISTINCT "datasetId" AS id FROM "Question" LIMIT 3`);
    web = await startWebServer(process.env.DATABASE_URL!);
    const postgresPid = postmasterPid(database.url);
    const cpu = cpuMeter(web.pid!, postgresPid);
    const statements = await openStatementStats(pool());
    const startPhase = async () => {
      cpu.mark();
      await statements?.reset();
    };

    const annotators: Session[] = [];
    for (let i = 0; i < BENCH_ANNOTATORS; i += 1) annotators.push(await signIn(`bench-annotator-${i}@bench.local`));
    const researcher = await signIn(`${BENCH_RESEARCHER}@bench.local`);
    console.log(`web server log: ${WEB_LOG}`);
    console.log(`signed in ${annotators.length} annotators and a researcher through /api/auth/sign-in/email`);

    // Warm-up: first requests compile routes' server code paths and fill PostgreSQL's caches.
    for (let i = 0; i < 10; i += 1) await reviewLoop(annotators[i % annotators.length]!, queueId, null);
    await api(researcher, `/api/generations`);

    // One annotator at a time first: what a request costs with nobody else in the queue for the CPU.
    const alone = new Map<string, number[]>();
    await startPhase();
    for (let i = 0; i < SEQUENTIAL_LOOPS; i += 1) await reviewLoop(annotators[i % annotators.length]!, queueId, alone);
    const aloneCpu = cpuText(cpu.since(), requestsIn(alone));
    for (const [name, list] of alone) record(`${name}, one at a time`, list, TARGET_MS, aloneCpu);
    await printStatements(statements);

    const review = new Map<string, number[]>();
    await startPhase();
    let loops = 0;
    await Promise.all(
      Array.from({ length: REVIEW_CONCURRENCY }, async (_, worker) => {
        // Each worker takes turns among its own annotators (index ≡ worker mod the concurrency): nobody works in two places at once.
        const own = annotators.filter((_, i) => i % REVIEW_CONCURRENCY === worker);
        for (let turn = 0; loops < REVIEW_LOOPS; turn += 1) {
          loops += 1;
          await reviewLoop(own[turn % own.length]!, queueId, review);
        }
      }),
    );
    const reviewCpu = cpuText(cpu.since(), requestsIn(review));
    for (const name of ["next item (POST …/next)", "review item (GET …/items/{id})", "audit save (PUT …/items/{id}/audit)"])
      record(`${name}, ${REVIEW_CONCURRENCY} at once`, review.get(name) ?? [], TARGET_MS, reviewCpu);
    await printStatements(statements);

    const cycleId = cycles.at(-1)!.id;
    const explorerCases: [string, string][] = [
      ["explorer list, no filter", ""],
      ["explorer list, cycle", `cycleId=${cycleId}`],
      // The older cycle: its rows sit below all of the newer one's, which a walk of the primary key reads first.
      ["explorer list, the older cycle", `cycleId=${cycles[0]!.id}`],
      ["explorer list, dataset", `datasetId=${datasets[1]?.id ?? datasets[0]!.id}`],
      ["explorer list, mode = rationalization", "mode=RATIONALIZATION"],
      ["explorer list, verdict = failed", "verdict=failed"],
      ["explorer list, label type = class", "labelType=class"],
      ["explorer list, audit = hallucinated", "audit=HALLUCINATED"],
      ["explorer list, audit = unaudited", "audit=unaudited"],
      ["explorer list, audit = hallucinated, oldest first", "audit=HALLUCINATED&sort=oldest"],
      ["explorer list, cycle + failed + answer", `cycleId=${cycleId}&verdict=failed&mode=ANSWER`],
      ["explorer search, rare word (zebra)", "q=zebra"],
      ["explorer search, common words (mirror lamp)", "q=mirror%20lamp"],
      ["explorer search + cycle + failed", `q=zebra&cycleId=${cycleId}&verdict=failed`],
      ["explorer count, no filter (page header)", "COUNT"],
      ["explorer count, search zebra", "COUNT q=zebra"],
      ["explorer count, cycle + failed", `COUNT cycleId=${cycleId}&verdict=failed`],
      ["explorer count, search + cycle + failed", `COUNT q=zebra&cycleId=${cycleId}&verdict=failed`],
    ];
    for (const [name, query] of explorerCases) {
      const url = query.startsWith("COUNT") ? `/api/generations/count?${query.slice(6)}` : `/api/generations?${query}`;
      const first = await api(researcher, url, { timeoutMs: 20_000 }).catch((error: Error) => error);
      if (first instanceof Error) {
        console.log(`${name}: first call failed (${first.message}); not measured`);
        continue;
      }
      await startPhase();
      const samples: number[] = [];
      let sent = 0;
      await Promise.all(
        Array.from({ length: EXPLORER_CONCURRENCY }, async () => {
          while (sent < EXPLORER_SAMPLES) {
            sent += 1;
            samples.push((await api(researcher, url)).ms);
          }
        }),
      );
      record(
        `${name}, ${EXPLORER_CONCURRENCY} at once`,
        samples,
        query.startsWith("COUNT") ? null : TARGET_MS,
        cpuText(cpu.since(), samples.length),
      );
      await printStatements(statements);
    }

    // The metrics memo keeps a result 2 s: calls 2.2 s apart each compute afresh.
    const metrics: number[] = [];
    await startPhase();
    for (let i = 0; i < 8; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 2_200));
      metrics.push((await api(researcher, `/api/review/queues/${queueId}/metrics`)).ms);
    }
    record("queue metrics, 20k items, uncached", metrics, METRICS_TARGET_MS, cpuText(cpu.since(), metrics.length));
    await printStatements(statements);

    printFigures();
    await memoryUnderLoad(web.pid!, annotators.slice(0, memoryAnnotators), queueId, cpu);
  } finally {
    if (web) await stopWebServer(web);
    await closePool();
    if (!keep) await dropBenchDatabase(database.url);
    await database.close();
  }
}

async function api<T = unknown>(
  session: Session,
  url: string,
  init: { method?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<{ ms: number; body: T }> {
  const started = performance.now();
  const response = await fetch(`${ORIGIN}${url}`, {
    method: init.method ?? "GET",
    headers: { cookie: session.cookie, origin: ORIGIN, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs ?? 60_000),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url} as ${session.email}: ${response.status} ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) as T };
}

/** What the review screen does per item: claim the next one, open it, save the audit (submitted). */
async function reviewLoop(session: Session, queueId: number, times: Map<string, number[]> | null): Promise<boolean> {
  const add = (name: string, ms: number) => {
    if (!times) return;
    const list = times.get(name) ?? [];
    list.push(ms);
    times.set(name, list);
  };
  const next = await api<{ claim: { itemId: number } | null }>(session, `/api/review/queues/${queueId}/next`, { method: "POST" });
  add("next item (POST …/next)", next.ms);
  const claim = next.body.claim;
  if (!claim) return false;
  const item = await api<{ audit: { version: number } | null }>(session, `/api/review/queues/${queueId}/items/${claim.itemId}`);
  add("review item (GET …/items/{id})", item.ms);
  const saved = await api(session, `/api/review/queues/${queueId}/items/${claim.itemId}/audit`, {
    method: "PUT",
    body: { baseVersion: item.body.audit?.version ?? null, verdict: "CORRECT", labelPresent: true, submit: true },
  });
  add("audit save (PUT …/items/{id}/audit)", saved.ms);
  return true;
}

async function memoryUnderLoad(webPid: number, annotators: Session[], queueId: number, cpu: ReturnType<typeof cpuMeter>): Promise<void> {
  console.log(`\nweb server memory, ${annotators.length} annotators looping claim → item → audit for ${memorySeconds} s`);
  console.log(`${"t (s)".padStart(6)} ${"RSS MB".padStart(8)} ${"loops".padStart(7)} ${"loops/s".padStart(8)}  load average`);
  const stopAt = Date.now() + memorySeconds * 1000;
  let loops = 0;
  let emptyClaims = 0;
  const times = new Map<string, number[]>();
  const started = Date.now();
  const samples: { t: number; rss: number }[] = [];
  let lastLoops = 0;
  const sample = () => {
    const t = (Date.now() - started) / 1000;
    const rss = rssMb(webPid);
    samples.push({ t, rss });
    console.log(
      `${t.toFixed(0).padStart(6)} ${rss.toFixed(1).padStart(8)} ${String(loops).padStart(7)} ${((loops - lastLoops) / 5).toFixed(1).padStart(8)}  ${load()}`,
    );
    lastLoops = loops;
  };
  sample();
  const timer = setInterval(sample, 5_000);
  cpu.mark();
  await Promise.all(
    annotators.map(async (session) => {
      while (Date.now() < stopAt) {
        if (await reviewLoop(session, queueId, times)) loops += 1;
        else {
          emptyClaims += 1;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    }),
  );
  clearInterval(timer);
  sample();
  const used = cpuText(cpu.since(), requestsIn(times));
  // Flat: the median RSS of the last third of the run within 5 % (and 25 MB) of the middle third's.
  const third = Math.floor(samples.length / 3);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const middle = median(samples.slice(third, 2 * third).map((s) => s.rss));
  const last = median(samples.slice(2 * third).map((s) => s.rss));
  const growth = last - middle;
  const flat = growth <= Math.min(0.05 * middle, 25);
  console.log(
    `RSS: first ${samples[0]!.rss.toFixed(0)} MB, middle-third median ${middle.toFixed(0)} MB, last-third median ${last.toFixed(0)} MB, max ${Math.max(...samples.map((s) => s.rss)).toFixed(0)} MB → ${flat ? "flat" : `GROWING (+${growth.toFixed(0)} MB)`}`,
  );
  console.log(`${loops} loops (${(loops / memorySeconds).toFixed(1)}/s), ${emptyClaims} empty claims; ${used}`);
  figures.length = 0;
  for (const [name, list] of times) if (list.length) record(`${name}, ${annotators.length} annotators`, list, TARGET_MS, used);
  printFigures();
}

function record(name: string, samples: number[], target: number | null, cpu: string): void {
  if (samples.length === 0) {
    console.log(`${name}: no samples`);
    return;
  }
  const figure = { name, timing: summarize(samples), target, load: load(), cpu };
  figures.push(figure);
  const t = figure.timing;
  console.log(
    `  ${name}: p50 ${t.p50.toFixed(1)} p95 ${t.p95.toFixed(1)} p99 ${t.p99.toFixed(1)} ms (n ${t.n}; load ${figure.load}; ${cpu})`,
  );
}

function printFigures(): void {
  console.log(`\nHTTP benchmark on ${generations.toLocaleString("en")} generations (ms, production build, ${ORIGIN})`);
  console.log(
    `${"call".padEnd(58)} ${"n".padStart(4)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(8)}  target  load avg          CPU`,
  );
  for (const { name, timing: t, target, load: avg, cpu } of figures) {
    const verdict = target === null ? "      " : t.p95 <= target ? `≤${target} ✓`.padEnd(6) : `≤${target} ✗`.padEnd(6);
    console.log(
      `${name.padEnd(58)} ${String(t.n).padStart(4)} ${t.p50.toFixed(1).padStart(8)} ${t.p95.toFixed(1).padStart(8)} ${t.p99.toFixed(1).padStart(8)} ${t.max.toFixed(1).padStart(8)}  ${verdict}  ${avg.padEnd(16)}  ${cpu}`,
    );
  }
}

async function findQueue(): Promise<number> {
  const { rows } = await pool().query<{ id: number }>(`SELECT id FROM "ReviewQueue" WHERE name = $1`, [benchQueueName(generations)]);
  if (!rows[0]) throw new Error(`No benchmark queue for ${generations} generations: run \`npm run bench:seed -- ${generations}\` first`);
  return rows[0].id;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

/**
 * CPU seconds (user + system) of a process, and of its children when asked (PostgreSQL's backends
 * and parallel workers): the live ones' own time plus what the ended ones left in the parent's
 * cutime/cstime, so a worker that exits between two readings does not take its time with it.
 */
function cpuSeconds(pid: number, withChildren: boolean): number {
  const ticks = (p: number, reaped = false) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      return Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
    } catch {
      return 0;
    }
  };
  let total = ticks(pid, withChildren);
  if (withChildren) {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
        if (ppid === pid) total += ticks(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
  }
  return total / 100;
}

/** CPU seconds the web server and PostgreSQL spent over `wall` seconds. */
interface CpuUse {
  wall: number;
  web: number;
  db: number;
}

/**
 * What the machine spent: each process's share of a core, and its CPU per request — the latency
 * floor on an idle core, and what bounds the requests per second two cores can serve.
 */
function cpuText(use: CpuUse, requests: number): string {
  const pct = (seconds: number) => (Number.isNaN(seconds) ? "n/a" : `${Math.round((100 * seconds) / use.wall)}%`);
  const perRequest = (seconds: number) => (Number.isNaN(seconds) ? "n/a" : ((1000 * seconds) / Math.max(requests, 1)).toFixed(1));
  const total = use.web + (Number.isNaN(use.db) ? 0 : use.db);
  const perSecond = total > 0 ? Math.round((2 * Math.max(requests, 1)) / total) : Number.NaN;
  return `web ${pct(use.web)} pg ${pct(use.db)} of a core; CPU per request web ${perRequest(use.web)} + pg ${perRequest(use.db)} ms (≈ ${perSecond}/s on 2 idle cores)`;
}

function requestsIn(times: Map<string, number[]>): number {
  return [...times.values()].reduce((sum, list) => sum + list.length, 0);
}

/** The statements PostgreSQL spent the most time on since the phase began: what a slow figure waited for. */
async function printStatements(statements: StatementStats | null): Promise<void> {
  if (!statements) return;
  for (const statement of await statements.top(3)) console.log(`      pg ${formatStatement(statement, 110)}`);
}

function cpuMeter(webPid: number, postgresPid: number | null) {
  let mark = { at: performance.now(), web: 0, db: 0 };
  const read = () => ({
    at: performance.now(),
    web: cpuSeconds(webPid, false),
    db: postgresPid ? cpuSeconds(postgresPid, true) : Number.NaN,
  });
  return {
    mark: () => {
      mark = read();
    },
    since: (): CpuUse => {
      const now = read();
      return { wall: (now.at - mark.at) / 1000, web: now.web - mark.web, db: now.db - mark.db };
    },
  };
}

/** The embedded server's postmaster, when this machine runs it (its data dir names it). */
function postmasterPid(url: string): number | null {
  const file = path.join(dataDir(), "postgres", "pgdata", "postmaster.pid");
  if (!existsSync(file)) return null;
  const [pid, , , port] = readFileSync(file, "utf8").split("\n");
  return new URL(url).port === port?.trim() ? Number(pid) : null;
}

async function dropBenchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith("vstar_bench")) return;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    console.log(`dropped the bench database ${name} (--keep keeps it)`);
  } finally {
    await client.end();
  }
}

await main();
process.exit(0);
