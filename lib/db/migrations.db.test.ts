import { afterAll, expect, test } from "vitest";
import { applyMigrations } from "./migrations";
import { pool, closePool } from "./pool";
import { prisma, disconnectPrisma } from "./prisma";

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

test("the migrated database has every table of the data model", async () => {
  const { rows } = await pool().query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
  );
  const tables = rows.map((row) => row.table_name);
  for (const model of [
    "User",
    "Dataset",
    "Video",
    "Label",
    "Question",
    "Checkpoint",
    "Cycle",
    "Generation",
    "Verdict",
    "Audit",
    "ReviewQueue",
    "TrainingRun",
    "Export",
    "Evaluation",
    "WorkerHeartbeat",
    "_prisma_migrations",
  ]) {
    expect(tables).toContain(model);
  }
});

test("applying the migrations again changes nothing", async () => {
  expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
});

test("one Generation per cycle × question × mode × sample: a second insert of the same key is refused", async () => {
  const db = prisma();
  const dataset = await db.dataset.create({ data: { name: "invariants", format: "GENERIC" }, select: { id: true } });
  const video = await db.video.create({ data: { datasetId: dataset.id, key: "v1" }, select: { id: true } });
  const question = await db.question.create({
    data: { datasetId: dataset.id, videoId: video.id, key: "q1", kind: "class", text: "What?", targets: [] },
    select: { id: true },
  });
  const base = await db.checkpoint.create({ data: { servedName: "base-invariants", kind: "BASE", baseModel: "m" }, select: { id: true } });
  const run = await db.run.create({ data: { name: "r", config: {} }, select: { id: true } });
  const cycle = await db.cycle.create({ data: { runId: run.id, index: 1, config: {}, inputCheckpointId: base.id }, select: { id: true } });
  const key = { cycleId: cycle.id, questionId: question.id, mode: "ANSWER" as const, sampleIndex: 0 };
  await db.generation.create({ data: { ...key, model: "m", prompt: "p", text: "t" } });
  await expect(db.generation.create({ data: { ...key, model: "m", prompt: "p", text: "again" } })).rejects.toThrow(/Unique constraint/);
  expect(await db.generation.count({ where: { cycleId: cycle.id } })).toBe(1);
});
