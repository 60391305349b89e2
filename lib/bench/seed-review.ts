// npm run bench:seed -- [GENERATIONS=1000000]
// Fills a database (see bench-database.ts) with GENERATIONS generations and their verdicts — three
// datasets, videos with labels, questions, two cycles × answer and rationalization — streamed with
// COPY (ids assigned here, secondary indexes dropped for the load and built after it), then a
// stratified review queue of 20,000 items with overlap 2 and 50 annotators (password accounts, for
// the HTTP benchmark) and a researcher, 40 % of it already audited. Idempotent per size.
// Prints rows/s per table and the time of each index build.
//
// Measured at 10,000,000 generations (embedded PostgreSQL 18, 2 cores shared, load average 18-27
// throughout): Video 500k rows 9.0 s (55k rows/s), Label 500k 6.1 s (81k/s), Question 2.5M 44 s
// (57k/s), Generation 10M 153 s (65k/s), Verdict 10M 240 s (42k/s); 13 secondary indexes after
// the load 786 s, of which the full-text GIN index 671 s; ANALYZE 12 s; the 20k stratified queue
// (createQueue over 5M candidates of a cycle) 421 s; 40 % audited 3 s. All in 1,675 s (28 min).
// Since then createQueue reads the cycle's generations once, merged with their verdicts, and ranks
// only each stratum's lowest hash slice: the same 20k queue (checked item for item against the
// seeded one, in a rolled-back transaction) took 50 s at load average 9-10 while other
// benchmarks ran, of which 42 s the one pass over the 5M candidates (reading Generation's 3 GB).
import { hashPassword } from "better-auth/crypto";
import type pg from "pg";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { createQueue } from "@/lib/review/queues/create-queue";
import { createQueueSchema } from "@/lib/review/schemas/queue-schemas";
import { openBenchDatabase } from "./bench-database";
import { BENCH_DATASETS, benchAnswer } from "./bench-corpus";
import { BENCH_ANNOTATORS, BENCH_PASSWORD, BENCH_QUEUE_SIZE, BENCH_RESEARCHER, benchQueueName, benchRunName } from "./bench-names";
import { copyRows, type LoadFigure, nextId, syncSequence, withSecondaryIndexesDropped } from "./copy-load";

const GENERATIONS_PER_QUESTION = 4; // 2 cycles × (answer, rationalization)
const QUESTIONS_PER_VIDEO = 5;

async function main(): Promise<void> {
  const generations = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(generations) || generations < GENERATIONS_PER_QUESTION) {
    throw new Error(`usage: npm run bench:seed -- GENERATIONS (an integer >= ${GENERATIONS_PER_QUESTION}), got "${process.argv[2]}"`);
  }
  const server = await openBenchDatabase();
  try {
    const started = performance.now();
    const runId = await seedGenerations(generations);
    const queueId = await seedQueue(generations, runId);
    console.log(`bench data ready in ${((performance.now() - started) / 1000).toFixed(1)} s: run ${runId}, queue ${queueId}`);
  } finally {
    await disconnectPrisma();
    await closePool();
    await server.close();
  }
}

async function seedGenerations(generations: number): Promise<number> {
  const db = await bulkLoadingClient();
  try {
    return await seedGenerationsWith(db, generations);
  } finally {
    db.release();
  }
}

/**
 * A connection tuned for bulk loading: no per-row foreign-key triggers (the seed writes
 * consistent ids itself) and no wait for WAL flushes. Both need a superuser, as the embedded
 * server's is; elsewhere the load just runs slower.
 */
async function bulkLoadingClient(): Promise<pg.PoolClient> {
  const client = await pool().connect();
  try {
    await client.query("SET session_replication_role = replica");
  } catch {
    console.log("(not a superuser: foreign-key checks stay on during the load)");
  }
  await client.query("SET synchronous_commit = off");
  return client;
}

async function seedGenerationsWith(db: pg.PoolClient, generations: number): Promise<number> {
  const existing = await db.query<{ id: number }>(`SELECT id FROM "Run" WHERE name = $1`, [benchRunName(generations)]);
  if (existing.rows[0]) {
    console.log(`${benchRunName(generations)} exists (run ${existing.rows[0].id}): generations already seeded`);
    return existing.rows[0].id;
  }
  const questionCount = Math.ceil(generations / GENERATIONS_PER_QUESTION);
  const videoCount = Math.ceil(questionCount / QUESTIONS_PER_VIDEO);
  const tag = String(generations);

  const datasetIds: number[] = [];
  for (const dataset of BENCH_DATASETS) {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO "Dataset" (name, format, description) VALUES ($1, $2::"DatasetFormat", 'review benchmark')
       ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description RETURNING id`,
      [`${dataset.name} ${tag}`, dataset.format],
    );
    datasetIds.push(rows[0]!.id);
  }

  const { rows: checkpoint } = await db.query<{ id: number }>(
    `INSERT INTO "Checkpoint" ("servedName", kind, "baseModel", simulated) VALUES ($1, 'BASE', 'sim-video-llm', true)
     ON CONFLICT ("servedName") DO UPDATE SET "baseModel" = EXCLUDED."baseModel" RETURNING id`,
    [`bench-base-${tag}`],
  );
  const { rows: run } = await db.query<{ id: number }>(`INSERT INTO "Run" (name, config) VALUES ($1, '{}') RETURNING id`, [
    benchRunName(generations),
  ]);
  const runId = run[0]!.id;
  const cycleIds: number[] = [];
  for (const index of [1, 2]) {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO "Cycle" ("runId", index, config, "inputCheckpointId", status) VALUES ($1, $2, '{}', $3, 'DONE') RETURNING id`,
      [runId, index, checkpoint[0]!.id],
    );
    cycleIds.push(rows[0]!.id);
  }
  const layout: Layout = {
    tag,
    datasetIds,
    cycleIds,
    questionCount,
    videoCount,
    video: await nextId(db, "Video"),
    label: await nextId(db, "Label"),
    question: await nextId(db, "Question"),
    generation: await nextId(db, "Generation"),
    verdict: await nextId(db, "Verdict"),
  };
  const loaded = await withSecondaryIndexesDropped(db, LOADED_TABLES, async () => {
    const figures = [
      await copyVideos(db, layout),
      await copyLabels(db, layout),
      await copyQuestions(db, layout),
      await copyGenerations(db, layout, generations),
      await copyVerdicts(db, layout, generations),
    ];
    for (const table of LOADED_TABLES) await syncSequence(db, table);
    return figures;
  });
  await timedPhase("ANALYZE", () =>
    db.query(`ANALYZE "Generation"; ANALYZE "Verdict"; ANALYZE "Question"; ANALYZE "Video"; ANALYZE "Label"`),
  );
  console.log("\nCOPY per table");
  for (const figure of loaded.result) {
    console.log(
      `  ${figure.table.padEnd(12)} ${figure.rows.toLocaleString("en").padStart(12)} rows ${figure.seconds.toFixed(1).padStart(7)} s ${Math.round(
        figure.rows / figure.seconds,
      )
        .toLocaleString("en")
        .padStart(10)} rows/s`,
    );
  }
  const indexSeconds = loaded.builds.reduce((sum, build) => sum + build.seconds, 0);
  console.log(`  secondary indexes built after the load: ${loaded.builds.length} in ${indexSeconds.toFixed(1)} s`);
  return runId;
}

const LOADED_TABLES = ["Video", "Label", "Question", "Generation", "Verdict"] as const;

/** Where the load's rows go: ids are assigned here (consecutive from each table's first free id), so nothing is read back. */
interface Layout {
  tag: string;
  datasetIds: number[];
  cycleIds: number[];
  questionCount: number;
  videoCount: number;
  video: number;
  label: number;
  question: number;
  generation: number;
  verdict: number;
}

const datasetIndexOfVideo = (layout: Layout, v: number) => v % layout.datasetIds.length;
const videoOfQuestion = (i: number) => Math.floor(i / QUESTIONS_PER_VIDEO);

function progressLine(name: string, total: number): (written: number) => void {
  const started = performance.now();
  return (written) => {
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `\r  ${name}: ${written.toLocaleString("en")} / ${total.toLocaleString("en")}, ${seconds > 0 ? Math.round(written / seconds).toLocaleString("en") : "…"}/s   `,
    );
  };
}

async function loadPhase(name: string, work: () => Promise<LoadFigure>): Promise<LoadFigure> {
  const figure = await work();
  process.stdout.write(`\r  ${name}: ${figure.rows.toLocaleString("en")} rows in ${figure.seconds.toFixed(1)} s${" ".repeat(30)}\n`);
  return figure;
}

function copyVideos(db: pg.PoolClient, layout: Layout): Promise<LoadFigure> {
  return loadPhase("Video", () =>
    copyRows(
      db,
      "Video",
      ["id", "datasetId", "key", "durationSec", "fps", "width", "height", "mediaStatus", "mediaPath"],
      layout.videoCount,
      (v) => [
        layout.video + v,
        layout.datasetIds[datasetIndexOfVideo(layout, v)]!,
        `bench-${layout.tag}-${v}`,
        6,
        24,
        320,
        240,
        "READY",
        `bench/bench-${layout.tag}-${v}.mp4`,
      ],
      progressLine("Video", layout.videoCount),
    ),
  );
}

function copyLabels(db: pg.PoolClient, layout: Layout): Promise<LoadFigure> {
  const value = JSON.stringify({ start: 1.5, end: 3, action: "the main action" });
  return loadPhase("Label", () =>
    copyRows(
      db,
      "Label",
      ["id", "videoId", "key", "kind", "value"],
      layout.videoCount,
      (v) => [layout.label + v, layout.video + v, "interval:main", "INTERVAL", value],
      progressLine("Label", layout.videoCount),
    ),
  );
}

function copyQuestions(db: pg.PoolClient, layout: Layout): Promise<LoadFigure> {
  return loadPhase("Question", () =>
    copyRows(
      db,
      "Question",
      ["id", "datasetId", "videoId", "key", "kind", "text", "targets"],
      layout.questionCount,
      (i) => {
        const v = videoOfQuestion(i);
        const dataset = BENCH_DATASETS[datasetIndexOfVideo(layout, v)]!;
        return [
          layout.question + i,
          layout.datasetIds[datasetIndexOfVideo(layout, v)]!,
          layout.video + v,
          `q:${i % QUESTIONS_PER_VIDEO}:${i}`,
          dataset.kind,
          dataset.question(i),
          JSON.stringify(dataset.target(i)),
        ];
      },
      progressLine("Question", layout.questionCount),
    ),
  );
}

/** Generation g: cycle, then question, then mode (answer, rationalization), as the pipeline writes them. */
function generationAt(layout: Layout, g: number) {
  const perCycle = layout.questionCount * 2;
  const cycleIndex = Math.floor(g / perCycle);
  const within = g % perCycle;
  const ordinal = Math.floor(within / 2);
  const rationalization = within % 2 === 1;
  const datasetIndex = datasetIndexOfVideo(layout, videoOfQuestion(ordinal));
  const salt = cycleIndex * 2 + (rationalization ? 1 : 0);
  // Rationalizations pass more often (they were given the label); later cycles do better.
  const passRate = (rationalization ? 75 : 45) + cycleIndex * 10;
  const passed = (ordinal * 31 + salt * 17) % 100 < passRate;
  return { cycleIndex, ordinal, rationalization, datasetIndex, salt, passed };
}

function copyGenerations(db: pg.PoolClient, layout: Layout, total: number): Promise<LoadFigure> {
  return loadPhase("Generation", () =>
    copyRows(
      db,
      "Generation",
      ["id", "cycleId", "questionId", "mode", "model", "prompt", "text", "simulated", "latencyMs"],
      total,
      (g) => {
        const at = generationAt(layout, g);
        const dataset = BENCH_DATASETS[at.datasetIndex]!;
        // One answer in 1,000 mentions a zebra: a selective word for the explorer's full-text search.
        const text =
          benchAnswer(dataset, at.ordinal, at.rationalization, at.passed, at.salt) + (g % 1000 === 7 ? " A zebra walks by." : "");
        return [
          layout.generation + g,
          layout.cycleIds[at.cycleIndex]!,
          layout.question + at.ordinal,
          at.rationalization ? "RATIONALIZATION" : "ANSWER",
          "sim-video-llm",
          "Explain step by step.",
          text,
          true,
          400,
        ];
      },
      progressLine("Generation", total),
    ),
  );
}

function copyVerdicts(db: pg.PoolClient, layout: Layout, total: number): Promise<LoadFigure> {
  return loadPhase("Verdict", () =>
    copyRows(
      db,
      "Verdict",
      ["id", "generationId", "verifierVersion", "configHash", "passed", "score", "threshold", "method", "matches"],
      total,
      (g) => {
        const at = generationAt(layout, g);
        const dataset = BENCH_DATASETS[at.datasetIndex]!;
        const phrase = dataset.phrase(at.ordinal);
        const text = benchAnswer(dataset, at.ordinal, at.rationalization, at.passed, at.salt);
        const start = text.indexOf(phrase);
        const matches =
          at.passed && start >= 0
            ? [{ matched: true, part: "label", target: 0, start, end: start + phrase.length, text: phrase, similarity: 0.92 }]
            : [{ matched: false, part: "label", target: 0, reason: "no answer span reaches the threshold" }];
        return [
          layout.verdict + g,
          layout.generation + g,
          "bench-1",
          "bench",
          at.passed,
          at.passed ? 0.92 : 0.4,
          0.8,
          "bench:keyword-fuzz-ratio",
          JSON.stringify(matches),
        ];
      },
      progressLine("Verdict", total),
    ),
  );
}

/** The benchmark queue: stratified from cycle 2, overlap 2, 24 annotators, 40 % of items audited by two of them. */
async function seedQueue(generations: number, runId: number): Promise<number> {
  const db = pool();
  const existing = await db.query<{ id: number }>(`SELECT id FROM "ReviewQueue" WHERE name = $1`, [benchQueueName(generations)]);
  if (existing.rows[0]) return existing.rows[0].id;
  const annotators = range(0, BENCH_ANNOTATORS).map((i) => `bench-annotator-${i}`);
  await seedBenchUsers(annotators);
  const { rows: cycles } = await db.query<{ id: number }>(`SELECT id FROM "Cycle" WHERE "runId" = $1 ORDER BY index DESC LIMIT 1`, [runId]);
  const queue = await timedPhase(`queue of ${BENCH_QUEUE_SIZE} (stratified sampling)`, () =>
    createQueue(
      createQueueSchema.parse({
        name: benchQueueName(generations),
        cycleId: cycles[0]!.id,
        sampling: "STRATIFIED",
        size: BENCH_QUEUE_SIZE,
        overlap: 2,
        assignees: annotators,
      }),
      SYSTEM_ACTOR,
    ),
  );
  await timedPhase("simulated progress (40 % audited by two people)", async () => {
    await db.query(
      `WITH done AS (
         SELECT i.id, i."generationId", i.position, s.slot FROM "ReviewQueueItem" i CROSS JOIN generate_series(0, 1) AS s(slot)
         WHERE i."queueId" = $1 AND i.position < $2
       ), who AS (
         SELECT id, "generationId", position, 'bench-annotator-' || ((position * 7 + slot * 5) % $3) AS "userId" FROM done
       ), assigned AS (
         INSERT INTO "ReviewAssignment" ("itemId", "userId", status, "leaseExpiresAt", "claimedAt", "submittedAt", "updatedAt")
         SELECT id, "userId", 'SUBMITTED', now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') - make_interval(secs => $2 - position),
                (now() AT TIME ZONE 'UTC') - make_interval(secs => $2 - position - 30), now() AT TIME ZONE 'UTC'
         FROM who RETURNING "itemId"
       )
       INSERT INTO "Audit" ("generationId", "userId", verdict, "labelPresent", "submittedAt", "updatedAt")
       SELECT "generationId", "userId",
              (ARRAY['CORRECT','CORRECT','HALLUCINATED','PARTLY_CORRECT','UNSURE'])[1 + (position + length("userId")) % 5]::"AuditVerdict",
              position % 4 <> 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM who ON CONFLICT DO NOTHING`,
      [queue.id, Math.floor(queue.size * 0.4), BENCH_ANNOTATORS],
    );
    // Abandoned leases further on: they must come back to the pool.
    await db.query(
      `INSERT INTO "ReviewAssignment" ("itemId", "userId", status, "leaseExpiresAt", "claimedAt", "updatedAt")
       SELECT i.id, 'bench-annotator-' || (i.position % $3), 'LEASED', (now() AT TIME ZONE 'UTC') - interval '1 hour',
              (now() AT TIME ZONE 'UTC') - interval '2 hours', now() AT TIME ZONE 'UTC'
       FROM "ReviewQueueItem" i WHERE i."queueId" = $1 AND i.position >= $2 AND i.position < $2 + 500 AND i.position % 3 = 0
       ON CONFLICT DO NOTHING`,
      [queue.id, Math.floor(queue.size * 0.4), BENCH_ANNOTATORS],
    );
    await db.query(`ANALYZE "ReviewQueueItem"; ANALYZE "ReviewAssignment"; ANALYZE "Audit"`);
  });
  return queue.id;
}

/**
 * The annotators and a researcher, each with a password account (one better-auth hash shared by
 * all), so a benchmark can sign in through the real endpoint as any of them.
 */
async function seedBenchUsers(annotators: string[]): Promise<void> {
  const db = pool();
  const people = [...annotators.map((id) => ({ id, role: "ANNOTATOR" })), { id: BENCH_RESEARCHER, role: "RESEARCHER" }];
  await db.query(
    `INSERT INTO "User" (id, name, email, role, "emailVerified") SELECT id, id, id || '@bench.local', role::"Role", true
     FROM unnest($1::text[], $2::text[]) AS t(id, role) ON CONFLICT DO NOTHING`,
    [people.map((p) => p.id), people.map((p) => p.role)],
  );
  await db.query(
    `INSERT INTO "Account" (id, "userId", "providerId", "accountId", password, "updatedAt")
     SELECT id || '-credential', id, 'credential', id, $2, now() FROM unnest($1::text[]) AS t(id) ON CONFLICT DO NOTHING`,
    [people.map((p) => p.id), await hashPassword(BENCH_PASSWORD)],
  );
}

async function timedPhase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`${name}…`);
  const result = await work();
  console.log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

await main();
