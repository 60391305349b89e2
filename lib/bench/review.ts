// npm run bench:review -- [GENERATIONS=1000000] [--explain] [--metrics-only]
// Measures the review hot paths on the data `npm run bench:seed` made: the item detail (everything
// the item screen needs) and claiming the next item (FOR UPDATE SKIP LOCKED), through the lib
// functions the route handlers call, with real SQL. Prints p50/p95/p99 per operation.
// --metrics-only: only the queue metrics, uncached (read-only: claims and saves nothing), with
// loading the audited units and computing the figures timed apart, and this process's CPU time.
//
// Queue metrics at 10,000,000 generations (20k items, ~9k audited units; 2 cores shared, load
// average 9-15 from other jobs), the code before and after the one-pass rewrite called in turn:
// wall p50 / p95 645 / 973 → 236 / 534 ms at load 9, 877 / 1,162 → 361 / 679 ms at load 14;
// node CPU per call 228-272 → 69-73 ms (computing the figures 39 → 18-22 ms of it). SQL: four
// joins of the queue's items and assignments became two statements run at once (EXPLAIN ~50 ms
// each at load 9). On a quiet machine the lead should see the wall time near CPU time.
import { loadavg } from "node:os";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { saveAudit } from "@/lib/review/audits/save-audit";
import { claimNextItem } from "@/lib/review/claims/claim-next";
import { listMyHistory } from "@/lib/review/items/history";
import { itemDetail } from "@/lib/review/items/item-detail";
import { listQueueItems } from "@/lib/review/items/list-items";
import { computeMetrics } from "@/lib/review/metrics/compute-metrics";
import { loadQueueUnits } from "@/lib/review/metrics/load-units";
import { queueMetrics } from "@/lib/review/metrics/queue-metrics";
import { openBenchDatabase } from "./bench-database";
import { BENCH_ANNOTATORS, benchQueueName } from "./bench-names";
import { summarize, timed, type Timing } from "./percentiles";

const TARGETS = { item: 150, next: 100 } as const;
const ITEM_SAMPLES = 400;
const NEXT_SAMPLES = 300;
const CONCURRENT_CLAIMERS = 4;

async function main(): Promise<void> {
  const generations = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
  const explain = process.argv.includes("--explain");
  const server = await openBenchDatabase();
  try {
    const queueId = await findQueue(generations);
    await printSizes(queueId);
    if (process.argv.includes("--metrics-only")) {
      await benchMetrics(queueId, generations);
      return;
    }
    const annotators = Array.from({ length: BENCH_ANNOTATORS }, (_, i) => ({ id: `bench-annotator-${i}`, role: "ANNOTATOR" }));
    const results: [string, Timing, number | null][] = [];

    // Annotators open only the items handed to them: each sample is an item and its holder.
    const samples = await sampleAssignments(queueId, ITEM_SAMPLES);
    for (const { itemId, userId } of samples.slice(0, 20)) await itemDetail({ id: userId, role: "ANNOTATOR" }, queueId, itemId); // warm-up
    const itemTimes: number[] = [];
    for (const { itemId, userId } of samples) {
      const { ms } = await timed(() => itemDetail({ id: userId, role: "ANNOTATOR" }, queueId, itemId));
      itemTimes.push(ms);
    }
    results.push(["item detail (GET …/items/{id})", summarize(itemTimes), TARGETS.item]);

    const nextTimes: number[] = [];
    for (let i = 0; i < NEXT_SAMPLES; i += 1) {
      const user = annotators[i % annotators.length]!;
      const { ms, result: claim } = await timed(() => claimNextItem(user, queueId));
      nextTimes.push(ms);
      if (claim)
        await saveAudit(user, queueId, claim.itemId, {
          verdict: i % 3 === 0 ? "HALLUCINATED" : "CORRECT",
          labelPresent: i % 4 !== 0,
          submit: true,
          baseVersion: await auditVersion(user.id, claim.itemId),
        });
    }
    results.push(["next item (POST …/next), sequential", summarize(nextTimes), TARGETS.next]);

    const concurrentTimes: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENT_CLAIMERS }, async (_, worker) => {
        for (let i = 0; i < NEXT_SAMPLES / CONCURRENT_CLAIMERS; i += 1) {
          // Each claimer has its own annotators (index ≡ worker mod the claimers): two claimers acting as one person would race for one lease.
          const user = annotators[worker + CONCURRENT_CLAIMERS * (i % Math.floor(annotators.length / CONCURRENT_CLAIMERS))]!;
          const { ms, result: claim } = await timed(() => claimNextItem(user, queueId));
          concurrentTimes.push(ms);
          if (claim)
            await saveAudit(user, queueId, claim.itemId, {
              verdict: "CORRECT",
              submit: true,
              baseVersion: await auditVersion(user.id, claim.itemId),
            });
        }
      }),
    );
    results.push([`next item, ${CONCURRENT_CLAIMERS} claimers at once`, summarize(concurrentTimes), TARGETS.next]);

    const submitTimes: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      const user = annotators[i % annotators.length]!;
      const claim = await claimNextItem(user, queueId);
      if (!claim) break;
      const baseVersion = await auditVersion(user.id, claim.itemId);
      submitTimes.push(
        (await timed(() => saveAudit(user, queueId, claim.itemId, { verdict: "CORRECT", note: "bench", submit: true, baseVersion }))).ms,
      );
    }
    results.push(["audit submit (PUT …/audit)", summarize(submitTimes), null]);

    results.push(["items page (GET …/items, keyset)", summarize(await repeat(20, () => listQueueItems(queueId, { limit: 50 }))), null]);
    results.push([
      "history page (GET …/history)",
      summarize(await repeat(20, () => listMyHistory(annotators[0]!.id, queueId, { limit: 20 }))),
      null,
    ]);
    results.push(["queue metrics (20k items, uncached)", summarize(await repeat(5, () => queueMetrics(queueId, { fresh: true }))), null]);

    console.log(`\nreview benchmark on ${generations.toLocaleString("en")} generations (ms)`);
    printHeader();
    for (const [name, t, target] of results) printRow(name, t, target);
    if (explain) await printPlans(queueId, samples[0]!.itemId, samples[0]!.userId);
  } finally {
    await disconnectPrisma();
    await closePool();
    await server.close();
  }
}

const METRICS_TARGET_MS = 200;
const METRICS_SAMPLES = 20;

/** The queue metrics alone, uncached: the whole call, then its two largest parts apart. */
async function benchMetrics(queueId: number, generations: number): Promise<void> {
  const cpu: number[] = [];
  const whole: number[] = [];
  await queueMetrics(queueId, { fresh: true }); // warm-up
  for (let i = 0; i < METRICS_SAMPLES; i += 1) {
    const started = process.cpuUsage();
    whole.push((await timed(() => queueMetrics(queueId, { fresh: true }))).ms);
    const used = process.cpuUsage(started);
    cpu.push((used.user + used.system) / 1000);
  }
  const units = await loadQueueUnits(queueId);
  const loads = await repeat(METRICS_SAMPLES, () => loadQueueUnits(queueId));
  const computeCpu: number[] = [];
  for (let i = 0; i < METRICS_SAMPLES; i += 1) {
    const started = process.cpuUsage();
    computeMetrics(units);
    computeCpu.push(process.cpuUsage(started).user / 1000);
  }
  console.log(
    `\nqueue metrics on ${generations.toLocaleString("en")} generations, ${units.length} audited units (ms; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")})`,
  );
  printHeader();
  printRow("queue metrics, uncached (wall)", summarize(whole), METRICS_TARGET_MS);
  printRow("  … node CPU per call (SQL rows parsed + compute)", summarize(cpu));
  printRow("  loading the audited units (wall)", summarize(loads));
  printRow("  computing the figures (CPU)", summarize(computeCpu));
}

const NAME_WIDTH = 50;

function printHeader(): void {
  console.log("operation".padEnd(NAME_WIDTH), ...["n", "p50", "p95", "p99", "max"].map((h) => h.padStart(9)), "  target p95");
}

function printRow(name: string, t: Timing, target: number | null = null): void {
  const verdict = target === null ? "" : t.p95 <= target ? `  ≤ ${target} ✓` : `  ≤ ${target} ✗`;
  console.log(
    name.padEnd(NAME_WIDTH),
    String(t.n).padStart(9),
    ...[t.p50, t.p95, t.p99, t.max].map((ms) => ms.toFixed(2).padStart(9)),
    verdict,
  );
}

async function findQueue(generations: number): Promise<number> {
  const { rows } = await pool().query<{ id: number }>(`SELECT id FROM "ReviewQueue" WHERE name = $1`, [benchQueueName(generations)]);
  if (!rows[0])
    throw new Error(
      `No benchmark queue for ${generations} generations: run \`npm run bench:seed -- ${generations}\` first (same VSTAR_DATA_DIR / DATABASE_URL)`,
    );
  return rows[0].id;
}

async function printSizes(queueId: number): Promise<void> {
  const { rows } = await pool().query<{ generations: number; verdicts: number; items: number; assignments: number; audits: number }>(
    `SELECT (SELECT count(*) FROM "Generation")::int AS generations, (SELECT count(*) FROM "Verdict")::int AS verdicts,
            (SELECT count(*) FROM "ReviewQueueItem" WHERE "queueId" = $1)::int AS items,
            (SELECT count(*) FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId" WHERE i."queueId" = $1)::int AS assignments,
            (SELECT count(*) FROM "Audit")::int AS audits`,
    [queueId],
  );
  console.log("database:", rows[0]);
}

/** Items spread over the queue: audited ones, open ones, and ones nobody has touched. */
/** The version of this person's audit of the item (null: none yet), as the item screen would have it: a handed-back lease may carry a draft. */
async function auditVersion(userId: string, itemId: number): Promise<number | null> {
  const { rows } = await pool().query<{ version: number }>(
    `SELECT au.version FROM "Audit" au JOIN "ReviewQueueItem" i ON i."generationId" = au."generationId" WHERE i.id = $1 AND au."userId" = $2`,
    [itemId, userId],
  );
  return rows[0]?.version ?? null;
}

async function sampleAssignments(queueId: number, count: number): Promise<{ itemId: number; userId: string }[]> {
  const { rows } = await pool().query<{ itemId: number; userId: string }>(
    `SELECT a."itemId", a."userId" FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
     WHERE i."queueId" = $1 ORDER BY hashint4(a.id) LIMIT $2`,
    [queueId, count],
  );
  return rows;
}

async function repeat(times: number, work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) samples.push((await timed(work)).ms);
  return samples;
}

async function printPlans(queueId: number, itemId: number, userId: string): Promise<void> {
  const plan = async (name: string, sql: string, params: unknown[]) => {
    const { rows } = await pool().query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    console.log(`\n── ${name}\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
  };
  await plan(
    "next-item candidate scan",
    `SELECT i.id FROM "ReviewQueueItem" i WHERE i."queueId" = $1
       AND NOT EXISTS (SELECT 1 FROM "ReviewAssignment" mine WHERE mine."itemId" = i.id AND mine."userId" = $2)
       AND (SELECT count(*) FROM "ReviewAssignment" a WHERE a."itemId" = i.id AND (a.status = 'SUBMITTED' OR (a.status = 'LEASED' AND a."leaseExpiresAt" > (now() AT TIME ZONE 'UTC')))) < 2
     ORDER BY i.position, i.id LIMIT 1`,
    [queueId, userId],
  );
  await plan(
    "resume own lease",
    `SELECT a.id, a."itemId" FROM "ReviewAssignment" a JOIN "ReviewQueueItem" i ON i.id = a."itemId"
     WHERE a."userId" = $1 AND i."queueId" = $2 AND a.status = 'LEASED' ORDER BY a."claimedAt", a.id`,
    [userId, queueId],
  );
  void itemId;
}

await main();
