import type pg from "pg";

const WORDS = [
  "person",
  "man",
  "woman",
  "child",
  "dog",
  "cat",
  "ball",
  "table",
  "kitchen",
  "door",
  "opens",
  "closes",
  "walks",
  "runs",
  "jumps",
  "holds",
  "picks",
  "puts",
  "down",
  "up",
  "apple",
  "pie",
  "cup",
  "water",
  "drinking",
  "eating",
  "sitting",
  "standing",
  "chair",
  "floor",
  "window",
  "light",
  "book",
  "reading",
  "phone",
  "laptop",
  "typing",
  "playing",
  "guitar",
  "music",
  "then",
  "after",
  "before",
  "while",
  "the",
  "a",
  "an",
  "in",
  "on",
  "at",
  "with",
  "video",
  "shows",
  "clip",
  "frame",
  "scene",
  "first",
  "second",
  "third",
  "finally",
  "step",
  "because",
  "therefore",
  "so",
  "we",
  "can",
  "see",
  "that",
  "is",
  "are",
  "diver",
  "jumps",
  "rotates",
  "enters",
  "pool",
  "splash",
  "score",
  "difficulty",
  "judges",
  "towel",
  "shelf",
  "bottle",
  "sandwich",
  "blanket",
  "pillow",
  "bed",
  "mirror",
  "shoe",
];

/**
 * Fills an empty database with `rows` generations (5 cycles × questions × 2 modes) with verdicts,
 * a few audits and varied answer text, in SQL (generate_series): no rows cross the wire.
 * One answer in 1,000 mentions a zebra, for a selective full-text search.
 */
export async function seedExplorerRows(client: pg.PoolClient, rows: number): Promise<{ cycleIds: number[]; datasetIds: number[] }> {
  await client.query("BEGIN");
  try {
    const seeded = await seed(client, rows);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return seeded;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function seed(client: pg.PoolClient, rows: number): Promise<{ cycleIds: number[]; datasetIds: number[] }> {
  const cycles = 5;
  const questions = Math.ceil(rows / (cycles * 2));
  await client.query(
    `INSERT INTO "User"(id, name, email, role) VALUES ('bench-auditor', 'Bench Auditor', 'bench-auditor@bench.local', 'ANNOTATOR') ON CONFLICT DO NOTHING`,
  );
  const datasets = await client.query<{ id: number }>(
    `INSERT INTO "Dataset"(name, format) VALUES ('bench-kinetics', 'KINETICS700'), ('bench-star', 'STAR') RETURNING id`,
  );
  const datasetIds = datasets.rows.map((row) => row.id);
  await client.query(`INSERT INTO "Video"("datasetId", key) SELECT ($1::int[])[1 + i % 2], 'v' || i FROM generate_series(1, $2::int) i`, [
    datasetIds,
    questions,
  ]);
  await client.query(
    `INSERT INTO "Question"("datasetId", "videoId", key, kind, text, targets, split)
     SELECT v."datasetId", v.id, 'q', 'bench', 'What happens in clip ' || v.key || '?',
            jsonb_build_array(jsonb_build_object('labelType', (ARRAY['class', 'interval', 'bbox'])[1 + v.id % 3], 'label', 'x')), 'train'
     FROM "Video" v WHERE v."datasetId" = ANY($1::int[])`,
    [datasetIds],
  );
  const checkpoint = await client.query<{ id: number }>(
    `INSERT INTO "Checkpoint"("servedName", kind, "baseModel") VALUES ('bench-base', 'BASE', 'bench') RETURNING id`,
  );
  const run = await client.query<{ id: number }>(`INSERT INTO "Run"(name, config) VALUES ('bench-run', '{}') RETURNING id`);
  const cycleRows = await client.query<{ id: number }>(
    `INSERT INTO "Cycle"("runId", index, status, config, "inputCheckpointId") SELECT $1, i, 'DONE', '{}', $2 FROM generate_series(1, $3::int) i RETURNING id`,
    [run.rows[0]!.id, checkpoint.rows[0]!.id, cycles],
  );
  const cycleIds = cycleRows.rows.map((row) => row.id);
  await client.query(
    `INSERT INTO "Generation"("cycleId", "questionId", mode, model, prompt, text, "latencyMs", "promptTokens", "completionTokens", simulated)
     SELECT c.id, q.id, m.mode::"GenerationMode", 'bench', 'Explain step by step.',
            (SELECT string_agg(($1::text[])[1 + ((q.id * 7919 + k * 104729 + c.id * 31 + m.n) % $2::int)], ' ') FROM generate_series(1, 30) k)
              || CASE WHEN (q.id + c.id) % 1000 = 0 THEN ' and a zebra walks by' ELSE '' END,
            800 + q.id % 400, 300, 120, true
     FROM unnest($3::int[]) c(id)
     CROSS JOIN (VALUES ('ANSWER', 1), ('RATIONALIZATION', 2)) m(mode, n)
     CROSS JOIN "Question" q WHERE q."datasetId" = ANY($4::int[])`,
    [WORDS, WORDS.length, cycleIds, datasetIds],
  );
  await client.query(
    `INSERT INTO "Verdict"("generationId", "verifierVersion", "configHash", passed, score, method)
     SELECT id, 'bench-1', 'h', id % 3 <> 0, (id % 100) / 100.0, 'keywords' FROM "Generation" WHERE "cycleId" = ANY($1::int[])`,
    [cycleIds],
  );
  await client.query(
    `INSERT INTO "Audit"("generationId", "userId", verdict, "labelPresent", "submittedAt")
     SELECT id, 'bench-auditor', (ARRAY['CORRECT', 'HALLUCINATED', 'PARTLY_CORRECT', 'UNSURE'])[1 + (id / 100) % 4]::"AuditVerdict", id % 7 <> 0, now()
     FROM "Generation" WHERE "cycleId" = ANY($1::int[]) AND id % 100 = 0`,
    [cycleIds],
  );
  return { cycleIds, datasetIds };
}
