// npm run bench:seed -- [GENERATIONS=1000000]
// Fills a database (see bench-database.ts) with GENERATIONS generations and their verdicts — three
// datasets, videos, labelled questions, two cycles × answer and rationalization — written in bulk
// through pg (`INSERT … SELECT FROM unnest(…)`), then a stratified review queue of 20,000 items
// with overlap 2 and 24 annotators, 40 % of it already audited. Idempotent per size.
import type pg from "pg";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { createQueue } from "@/lib/review/queues/create-queue";
import { createQueueSchema } from "@/lib/review/schemas/queue-schemas";
import { openBenchDatabase } from "./bench-database";
import { BENCH_DATASETS, benchAnswer } from "./bench-corpus";
import { BENCH_ANNOTATORS, BENCH_QUEUE_SIZE, benchQueueName, benchRunName } from "./bench-names";

const GENERATIONS_PER_QUESTION = 4; // 2 cycles × (answer, rationalization)
const QUESTIONS_PER_VIDEO = 5;
const BATCH = 20_000;

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

  const videoIds = await timedPhase(`videos (${videoCount})`, () => insertVideos(db, datasetIds, videoCount, tag));
  const questions = await timedPhase(`questions (${questionCount})`, () => insertQuestions(db, datasetIds, videoIds, questionCount));

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
  await timedPhase(`generations and verdicts (${generations})`, () => insertGenerations(db, cycleIds, questions, generations));
  await timedPhase("ANALYZE", () => db.query(`ANALYZE "Generation"; ANALYZE "Verdict"; ANALYZE "Question"; ANALYZE "Video"`));
  return runId;
}

async function insertVideos(
  db: pg.PoolClient,
  datasetIds: number[],
  count: number,
  tag: string,
): Promise<{ id: number; datasetIndex: number }[]> {
  const videos: { id: number; datasetIndex: number }[] = [];
  for (let from = 0; from < count; from += BATCH) {
    const indexes = range(from, Math.min(count, from + BATCH));
    const { rows } = await db.query<{ id: number; key: string }>(
      `INSERT INTO "Video" ("datasetId", key, "durationSec", fps, width, height, "mediaStatus", "mediaPath")
       SELECT d, k, 6, 24, 320, 240, 'READY', 'bench/' || k || '.mp4' FROM unnest($1::int[], $2::text[]) AS t(d, k)
       RETURNING id, key`,
      [indexes.map((i) => datasetIds[i % datasetIds.length]), indexes.map((i) => `bench-${tag}-${i}`)],
    );
    for (const row of rows) videos.push({ id: row.id, datasetIndex: Number(row.key.split("-").at(-1)) % datasetIds.length });
    await db.query(
      `INSERT INTO "Label" ("videoId", key, kind, value)
       SELECT v, 'interval:main', 'INTERVAL', json_build_object('start', 1.5, 'end', 3, 'action', 'the main action')::jsonb FROM unnest($1::int[]) AS t(v)`,
      [rows.map((row) => row.id)],
    );
  }
  return videos;
}

interface BenchQuestion {
  id: number;
  datasetIndex: number;
  ordinal: number;
}

async function insertQuestions(
  db: pg.PoolClient,
  datasetIds: number[],
  videos: { id: number; datasetIndex: number }[],
  count: number,
): Promise<BenchQuestion[]> {
  const questions: BenchQuestion[] = [];
  for (let from = 0; from < count; from += BATCH) {
    const ordinals = range(from, Math.min(count, from + BATCH));
    const video = (i: number) => videos[Math.floor(i / QUESTIONS_PER_VIDEO)]!;
    const dataset = (i: number) => BENCH_DATASETS[video(i).datasetIndex]!;
    const { rows } = await db.query<{ id: number; key: string }>(
      `INSERT INTO "Question" ("datasetId", "videoId", key, kind, text, targets)
       SELECT d, v, k, kind, text, targets::jsonb FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(d, v, k, kind, text, targets)
       RETURNING id, key`,
      [
        ordinals.map((i) => datasetIds[video(i).datasetIndex]),
        ordinals.map((i) => video(i).id),
        ordinals.map((i) => `q:${i % QUESTIONS_PER_VIDEO}:${i}`),
        ordinals.map((i) => dataset(i).kind),
        ordinals.map((i) => dataset(i).question(i)),
        ordinals.map((i) => JSON.stringify(dataset(i).target(i))),
      ],
    );
    for (const row of rows) {
      const ordinal = Number(row.key.split(":").at(-1));
      questions.push({ id: row.id, datasetIndex: video(ordinal).datasetIndex, ordinal });
    }
  }
  return questions;
}

/** Generations in batches, each followed by its verdicts (keyed back by the unique generation key). */
async function insertGenerations(db: pg.PoolClient, cycleIds: number[], questions: BenchQuestion[], total: number): Promise<void> {
  const plan: { cycleId: number; cycleIndex: number; question: BenchQuestion; mode: "ANSWER" | "RATIONALIZATION" }[] = [];
  for (const [cycleIndex, cycleId] of cycleIds.entries()) {
    for (const question of questions) {
      for (const mode of ["ANSWER", "RATIONALIZATION"] as const) plan.push({ cycleId, cycleIndex, question, mode });
    }
  }
  const planned = plan.slice(0, total);
  let written = 0;
  const started = performance.now();
  for (let from = 0; from < planned.length; from += BATCH) {
    const batch = planned.slice(from, from + BATCH);
    const rows = batch.map((entry) => {
      const dataset = BENCH_DATASETS[entry.question.datasetIndex]!;
      const salt = entry.cycleIndex * 2 + (entry.mode === "ANSWER" ? 0 : 1);
      // Rationalizations pass more often (they were given the label); later cycles do better.
      const passRate = (entry.mode === "ANSWER" ? 45 : 75) + entry.cycleIndex * 10;
      const passed = (entry.question.ordinal * 31 + salt * 17) % 100 < passRate;
      const text = benchAnswer(dataset, entry.question.ordinal, entry.mode === "RATIONALIZATION", passed, salt);
      const phrase = dataset.phrase(entry.question.ordinal);
      const start = text.indexOf(phrase);
      const matches =
        passed && start >= 0
          ? [{ matched: true, part: "label", target: 0, start, end: start + phrase.length, text: phrase, similarity: 0.92 }]
          : [{ matched: false, part: "label", target: 0, reason: "no answer span reaches the threshold" }];
      return { ...entry, text, passed, matches: JSON.stringify(matches) };
    });
    const { rows: inserted } = await db.query<{ id: number; cycleId: number; questionId: number; mode: string }>(
      `INSERT INTO "Generation" ("cycleId", "questionId", mode, model, prompt, text, simulated, "latencyMs")
       SELECT c, q, m, 'sim-video-llm', 'Explain step by step.', t, true, 400 FROM unnest($1::int[], $2::int[], $3::"GenerationMode"[], $4::text[]) AS x(c, q, m, t)
       ON CONFLICT ("cycleId", "questionId", mode, "sampleIndex") DO NOTHING
       RETURNING id, "cycleId", "questionId", mode`,
      [rows.map((r) => r.cycleId), rows.map((r) => r.question.id), rows.map((r) => r.mode), rows.map((r) => r.text)],
    );
    const byKey = new Map(rows.map((r) => [`${r.cycleId}|${r.question.id}|${r.mode}`, r]));
    const verdicts = inserted.map((g) => ({ id: g.id, row: byKey.get(`${g.cycleId}|${g.questionId}|${g.mode}`)! }));
    await db.query(
      `INSERT INTO "Verdict" ("generationId", "verifierVersion", "configHash", passed, score, threshold, method, matches)
       SELECT g, 'bench-1', 'bench', p, CASE WHEN p THEN 0.92 ELSE 0.4 END, 0.8, 'bench:keyword-fuzz-ratio', m::jsonb
       FROM unnest($1::int[], $2::bool[], $3::text[]) AS x(g, p, m)
       ON CONFLICT ("generationId", "verifierVersion") DO NOTHING`,
      [verdicts.map((v) => v.id), verdicts.map((v) => v.row.passed), verdicts.map((v) => v.row.matches)],
    );
    written += batch.length;
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `\r  ${written.toLocaleString("en")} / ${planned.length.toLocaleString("en")} generations (+ verdicts), ${Math.round(written / seconds).toLocaleString("en")}/s   `,
    );
  }
  process.stdout.write("\n");
}

/** The benchmark queue: stratified from cycle 2, overlap 2, 24 annotators, 40 % of items audited by two of them. */
async function seedQueue(generations: number, runId: number): Promise<number> {
  const db = pool();
  const existing = await db.query<{ id: number }>(`SELECT id FROM "ReviewQueue" WHERE name = $1`, [benchQueueName(generations)]);
  if (existing.rows[0]) return existing.rows[0].id;
  const annotators = range(0, BENCH_ANNOTATORS).map((i) => `bench-annotator-${i}`);
  await db.query(
    `INSERT INTO "User" (id, name, email, role) SELECT id, id, id || '@bench.local', 'ANNOTATOR' FROM unnest($1::text[]) AS t(id) ON CONFLICT DO NOTHING`,
    [annotators],
  );
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
