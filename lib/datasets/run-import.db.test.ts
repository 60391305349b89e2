import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma } from "@/lib/db/prisma";
import { closePool, pool } from "@/lib/db/pool";
import { auditTrail } from "@/lib/testing/audit-trail";
import { cancelImport } from "./cancel-import";
import { writeDemoFixtures, type DemoFixtures } from "./demo/write-demo-fixtures";
import { ImportErrorCollector } from "./errors";
import { parseDataset } from "./import";
import { optionsFromSpec, type ImportOptionsInput } from "./import-options";
import { findImport, markImportRunning } from "./import-repository";
import { requestImport } from "./request-import";
import { abandonImport, runImport } from "./run-import";
import { findDataset, findDatasetIdByName, listDatasets } from "./dataset-repository";
import { findDataset as findCatalogDataset } from "@/lib/cycles/db/catalog-repository";
import { collectItems, makeTempDir, removeTempDir } from "./testing/collect";
import { createStaging, loadStaging } from "./import-staging";
import { generateFineDivingDives } from "./finediving/fixtures/generate-dives";
import { writeFineDivingAnnotations } from "./finediving/fixtures/write-fixtures";
import { generateKineticsCsv } from "./kinetics/generate";
import { parseKinetics } from "./kinetics/parse";
import { UPSERT } from "./merge-sql";
import { BatchStager } from "./staged-batch";
import { ImportWriter } from "./import-writer";

interface VideoVersion {
  id: number;
  updatedAt: Date;
}

let dir: string;
let demo: DemoFixtures;
const run = `${Date.now().toString(36)}`;
const savedMediaRoot = process.env.VSTAR_MEDIA_ROOT;

beforeAll(async () => {
  dir = await makeTempDir("run-import");
  demo = await writeDemoFixtures(path.join(dir, "source"));
  // The fixtures' media folder is "media" inside the media store.
  process.env.VSTAR_MEDIA_ROOT = path.join(dir, "source");
}, 60_000);

afterAll(async () => {
  if (savedMediaRoot === undefined) delete process.env.VSTAR_MEDIA_ROOT;
  else process.env.VSTAR_MEDIA_ROOT = savedMediaRoot;
  await removeTempDir(dir);
  await closePool();
  await disconnectPrisma();
});

async function importNow(options: ImportOptionsInput) {
  const row = await requestImport(options, { userId: null });
  return { id: row.id, outcome: await runImport(row.id) };
}

async function kineticsCsv(name: string, goodRows: number, badLines: string[]): Promise<string> {
  const file = path.join(dir, name);
  await generateKineticsCsv(file, goodRows, 11);
  const { appendFile } = await import("node:fs/promises");
  await appendFile(file, badLines.map((line) => `${line}\n`).join(""));
  return file;
}
const kinetics = (file: string, datasetName: string): ImportOptionsInput => ({ datasetName, format: "kinetics", file, checkMedia: false });

/** Every row of the dataset with its row version (xmin) and lock/update marker (xmax): changes when a row is written or locked. */
async function rowVersions(name: string) {
  const { rows } = await pool().query<{ kind: string; id: number; xmin: string; xmax: string }>(
    `SELECT 'video' AS kind, v.id, v.xmin::text, v.xmax::text FROM "Video" v JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name = $1
     UNION ALL SELECT 'label', l.id, l.xmin::text, l.xmax::text FROM "Label" l JOIN "Video" v ON v.id = l."videoId" JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name = $1
     UNION ALL SELECT 'question', q.id, q.xmin::text, q.xmax::text FROM "Question" q JOIN "Dataset" d ON d.id = q."datasetId" WHERE d.name = $1
     ORDER BY 1, 2`,
    [name],
  );
  return rows;
}

async function datasetCounts(name: string) {
  const { rows } = await pool().query<{ datasets: number; videos: number; labels: number; questions: number; templates: number }>(
    `SELECT
       (SELECT count(*) FROM "Dataset" WHERE name = $1)::int AS datasets,
       (SELECT count(*) FROM "Video" v JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name = $1)::int AS videos,
       (SELECT count(*) FROM "Label" l JOIN "Video" v ON v.id = l."videoId" JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name = $1)::int AS labels,
       (SELECT count(*) FROM "Question" q JOIN "Dataset" d ON d.id = q."datasetId" WHERE d.name = $1)::int AS questions,
       (SELECT count(*) FROM "QuestionTemplate" t JOIN "Dataset" d ON d.id = t."datasetId" WHERE d.name = $1)::int AS templates`,
    [name],
  );
  return rows[0]!;
}

describe("runImport on the demo fixtures of each format", () => {
  it("writes every item, label and question the importer yields, and re-importing adds nothing", async () => {
    for (const dataset of demo.datasets) {
      const name = `${dataset.name} ${run}`;
      const options = optionsFromSpec(dataset.spec, { datasetName: name, mediaPrefix: "media" });
      const items = await collectItems(parseDataset(dataset.spec, { errors: new ImportErrorCollector() }));
      const labelCount = items.reduce((sum, item) => sum + item.labels.length, 0);
      const questionCount = items.reduce((sum, item) => sum + item.questions.length, 0);

      const first = await importNow(options);
      expect(first.outcome).toMatchObject({
        status: "SUCCEEDED",
        errorCount: 0,
        recordsRead: items.length,
        videosCreated: items.length,
        questionsCreated: questionCount,
      });
      expect(first.outcome.counts.labelsCreated).toBe(labelCount);
      // STAR says where its frame rates came from, as a note (nothing had to be assumed).
      expect(first.outcome.problems.map((p) => [p.severity, p.field])).toEqual(dataset.spec.format === "star" ? [["info", "fps"]] : []);
      const counts = await datasetCounts(name);
      expect(counts).toMatchObject({ datasets: 1, videos: items.length, labels: labelCount, questions: questionCount });
      expect(counts.templates).toBeGreaterThan(0);

      const stored = await findImport(first.id);
      expect(stored).toMatchObject({
        status: "SUCCEEDED",
        recordsRead: items.length,
        videosCreated: items.length,
        questionsCreated: questionCount,
      });
      expect(stored?.datasetId).toBeGreaterThan(0);
      expect(stored?.sourceSha256).toMatch(/^[0-9a-f]{64}$/);

      const { rows: before } = await pool().query<VideoVersion>(`SELECT id, "updatedAt" FROM "Video" WHERE "datasetId" = $1 ORDER BY id`, [
        stored?.datasetId,
      ]);
      const again = await importNow(options);
      expect(again.outcome).toMatchObject({ status: "SUCCEEDED", videosCreated: 0, questionsCreated: 0, recordsRead: items.length });
      expect(again.outcome.counts).toEqual({
        videosCreated: 0,
        videosUpdated: 0,
        labelsCreated: 0,
        labelsUpdated: 0,
        questionsCreated: 0,
        questionsUpdated: 0,
      });
      expect(await datasetCounts(name)).toEqual(counts);
      const { rows: after } = await pool().query<VideoVersion>(`SELECT id, "updatedAt" FROM "Video" WHERE "datasetId" = $1 ORDER BY id`, [
        stored?.datasetId,
      ]);
      expect(after).toEqual(before);
    }
  });

  it("stores media paths relative to the media store, questions linked to their templates and videos", async () => {
    const { rows } = await pool().query<{
      key: string;
      sourcePath: string;
      split: string | null;
      mediaStatus: string;
      templated: number;
      frameDir: string | null;
    }>(
      `SELECT v.key, v."sourcePath", v.split, v."mediaStatus", v.metadata->>'frameDir' AS "frameDir",
              (SELECT count(*) FROM "Question" q WHERE q."videoId" = v.id AND q."templateId" IS NOT NULL AND q.split IS NOT DISTINCT FROM v.split)::int AS templated
       FROM "Video" v JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name LIKE $1 ORDER BY v.key`,
      [`%${run}`],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get("demoLegacy1_000000_000002")).toMatchObject({
      sourcePath: "media/kinetics/legacy/demoLegacy1.avi",
      split: "val",
      mediaStatus: "PENDING",
      templated: 1,
    });
    expect(byKey.get("DEMO1_1.5_3")?.sourcePath).toBe("media/star/DEMO1.mp4");
    const dive = rows.find((row) => row.frameDir !== null && row.key.startsWith("DemoDivingCup2024_Synchro3m"));
    expect(dive?.frameDir).toBe("media/FineDiving/DemoDivingCup2024_Synchro3m_final_r2/1");
    for (const row of rows) expect(row.templated).toBeGreaterThan(0);
  });

  it("leaves no dangling reference", async () => {
    const { rows } = await pool().query<{ orphans: number }>(
      `SELECT ((SELECT count(*) FROM "Label" l WHERE NOT EXISTS (SELECT 1 FROM "Video" v WHERE v.id = l."videoId"))
            + (SELECT count(*) FROM "Question" q WHERE NOT EXISTS (SELECT 1 FROM "Video" v WHERE v.id = q."videoId" AND v."datasetId" = q."datasetId"))
            + (SELECT count(*) FROM "Question" q WHERE q."templateId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "QuestionTemplate" t WHERE t.id = q."templateId" AND t."datasetId" = q."datasetId"))
            + (SELECT count(*) FROM "Video" v WHERE NOT EXISTS (SELECT 1 FROM "Dataset" d WHERE d.id = v."datasetId")))::int AS orphans`,
    );
    expect(rows[0]!.orphans).toBe(0);
  });
});

describe("all or nothing", () => {
  it("rejects a file whose error comes after whole batches were written, and leaves no dataset behind", async () => {
    const file = await kineticsCsv("late-error.csv", 12_000, ["playing guitar,abcdefghijk,12,oops,train"]);
    const name = `late error ${run}`;
    const { id, outcome } = await importNow(kinetics(file, name));
    expect(outcome.status).toBe("REJECTED");
    expect(outcome.errorCount).toBe(1);
    expect(outcome.problems).toEqual([
      { file: "late-error.csv", line: 12_002, field: "time_end", reason: 'not a number of seconds: "oops"', severity: "error" },
    ]);
    expect(await datasetCounts(name)).toEqual({ datasets: 0, videos: 0, labels: 0, questions: 0, templates: 0 });
    expect(await findImport(id)).toMatchObject({
      status: "REJECTED",
      datasetId: null,
      videosCreated: 0,
      questionsCreated: 0,
      errorCount: 1,
    });
  });

  it("leaves an existing dataset exactly as it was when a later file is rejected", async () => {
    const name = `existing ${run}`;
    const good = path.join(dir, "good.csv");
    await generateKineticsCsv(good, 300, 5);
    expect((await importNow(kinetics(good, name))).outcome.status).toBe("SUCCEEDED");
    const before = await datasetCounts(name);

    const bad = await kineticsCsv("more-with-bad.csv", 6000, ["", "eating cake,,1,2,train"]);
    const { id, outcome } = await importNow(kinetics(bad, name));
    expect(outcome.status).toBe("REJECTED");
    expect(outcome.problems[0]).toMatchObject({ line: 6003, field: "youtube_id" });
    expect(await datasetCounts(name)).toEqual(before);
    // The history of the dataset shows the rejected attempt.
    expect((await findImport(id))?.datasetId).toBe(outcome.datasetId);
    expect(outcome.datasetId).not.toBeNull();
  });

  it("leaves an existing dataset exactly as it was when a file is rejected after whole batches were merged into it", async () => {
    const name = `merged then rejected ${run}`;
    const good = path.join(dir, "merged-good.csv");
    await generateKineticsCsv(good, 300, 5);
    expect((await importNow(kinetics(good, name))).outcome.status).toBe("SUCCEEDED");
    const before = await datasetCounts(name);
    const rowsBefore = await rowVersions(name);

    // 12,000 more clips (a seed of its own: new keys) fill a whole batch before the bad last line.
    const bad = await kineticsCsv("merged-bad.csv", 12_000, ["eating cake,abcdefghijk,5,x,train"]);
    const { outcome } = await importNow(kinetics(bad, name));
    expect(outcome).toMatchObject({ status: "REJECTED", errorCount: 1, counts: { videosCreated: 0, questionsCreated: 0 } });
    expect(outcome.problems[0]).toMatchObject({ line: 12_002, field: "time_end" });
    expect(await datasetCounts(name)).toEqual(before);
    expect(await rowVersions(name)).toEqual(rowsBefore);
  });

  it("keeps 100 errors and counts them all", async () => {
    const bad = Array.from({ length: 250 }, (_, i) => `label ${i},id${i},x,10,train`);
    const file = await kineticsCsv("many-errors.csv", 10, bad);
    const { outcome } = await importNow(kinetics(file, `many errors ${run}`));
    expect(outcome.status).toBe("REJECTED");
    expect(outcome.errorCount).toBe(250);
    expect(outcome.problems.filter((p) => p.severity === "error")).toHaveLength(100);
    expect(outcome.problems[0]).toMatchObject({ file: "many-errors.csv", line: 12, field: "time_start" });
  });

  it("rejects a truncated STAR file, a wrong pickle and an unknown video without writing", async () => {
    const star = demo.datasets.find((d) => d.spec.format === "star")!;
    const truncated = path.join(dir, "STAR_train.json");
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(star.spec.file, "utf8");
    await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));
    const starName = `truncated star ${run}`;
    const starResult = await importNow({ ...optionsFromSpec(star.spec, { datasetName: starName, mediaPrefix: "media" }), file: truncated });
    expect(starResult.outcome.status).toBe("REJECTED");
    expect(starResult.outcome.problems[0]).toMatchObject({ file: "STAR_train.json", severity: "error" });
    expect(starResult.outcome.problems[0]?.reason).toMatch(/truncated/);

    const diving = demo.datasets.find((d) => d.spec.format === "finediving")!;
    const wrong = path.join(dir, "wrong.pkl");
    await writeFile(wrong, "this is not a pickle\n");
    const divingName = `wrong pickle ${run}`;
    const divingResult = await importNow({
      ...optionsFromSpec(diving.spec, { datasetName: divingName, mediaPrefix: "media" }),
      file: wrong,
    });
    expect(divingResult.outcome.status).toBe("REJECTED");
    expect(divingResult.outcome.problems[0]?.reason).toMatch(/not a pickle/);

    const unknown = path.join(dir, "unknown-video.csv");
    await writeFile(
      unknown,
      "label,youtube_id,time_start,time_end,split\nthrowing ball,demoBall001,0,3,train\nthrowing ball,noSuchClip1,0,3,train\n",
    );
    const kineticsSpec = demo.datasets.find((d) => d.spec.format === "kinetics")!.spec;
    const unknownName = `unknown video ${run}`;
    const unknownResult = await importNow({
      ...optionsFromSpec(kineticsSpec, { datasetName: unknownName, mediaPrefix: "media" }),
      file: unknown,
    });
    expect(unknownResult.outcome.problems).toEqual([
      expect.objectContaining({ line: 3, field: "youtube_id", reason: expect.stringMatching(/^unknown video/) as unknown as string }),
    ]);
    for (const name of [starName, divingName, unknownName]) expect((await datasetCounts(name)).datasets).toBe(0);
  });

  it("imports a FineDiving-sized annotation folder: 3,000 merged dives, split 2,251 / 749, every one with its questions", async () => {
    const dives = generateFineDivingDives(3000, 3, 25);
    const paths = await writeFineDivingAnnotations(path.join(dir, "FineDiving-3000"), dives, { otherMethod: true });
    const name = `finediving 3000 ${run}`;
    const { outcome } = await importNow({ datasetName: name, format: "finediving", file: path.dirname(paths.dir), checkMedia: false });
    expect(outcome.status).toBe("SUCCEEDED");
    expect(outcome.recordsRead).toBe(3000);
    // 120 recorded scores disagree with their judges: warnings, all counted (100 kept).
    expect(outcome.warningCount).toBe(120);
    const { rows } = await pool().query<{ split: string; videos: number; judged: number; timed: number; questions: number }>(
      `SELECT v.split, count(DISTINCT v.id)::int AS videos,
              count(DISTINCT v.id) FILTER (WHERE jsonb_array_length(l.value->'judge_scores') > 0)::int AS judged,
              count(DISTINCT v.id) FILTER (WHERE jsonb_array_length(l.value->'segments') >= 3)::int AS timed,
              (SELECT count(*)::int FROM "Question" q JOIN "Video" w ON w.id = q."videoId" WHERE w."datasetId" = d.id AND w.split = v.split) AS questions
         FROM "Dataset" d JOIN "Video" v ON v."datasetId" = d.id JOIN "Label" l ON l."videoId" = v.id AND l.key = 'dive'
        WHERE d.name = $1 GROUP BY d.id, v.split ORDER BY v.split`,
      [name],
    );
    expect(rows).toEqual([
      { split: "test", videos: 749, judged: 749, timed: 749, questions: 749 * 5 },
      { split: "train", videos: 2251, judged: 2251, timed: 2251, questions: 2251 * 5 },
    ]);
  }, 120_000);

  it("rejects a file with a NUL byte, naming its record, and always ends the import with its reason", async () => {
    const file = path.join(dir, "nul.csv");
    await writeFile(
      file,
      "label,youtube_id,time_start,time_end,split\nplaying drums,abcdefghijk,0,10,train\nplaying\u0000 flute,bcdefghijkl,0,10,train\n",
    );
    const name = `nul byte ${run}`;
    const { id, outcome } = await importNow(kinetics(file, name));
    expect(outcome.status).toBe("REJECTED");
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: "nul.csv",
        recordKey: "bcdefghijkl_000000_000010",
        severity: "error",
        reason: expect.stringMatching(/NUL/) as unknown as string,
      }),
    ]);
    expect((await findImport(id))?.status).toBe("REJECTED");
    expect((await datasetCounts(name)).datasets).toBe(0);

    // A NUL in the problem itself (here the header's column names) is stored visibly, never leaving the import running.
    const header = path.join(dir, "nul-header.csv");
    await writeFile(header, "label,youtube_id\u0000,time_start,time_end,split\nplaying drums,abcdefghijk,0,10,train\n");
    const rejected = await importNow(kinetics(header, `nul header ${run}`));
    const stored = await findImport(rejected.id);
    expect(stored?.status).toBe("REJECTED");
    expect(JSON.stringify(stored?.errors)).toContain("youtube_id\\\\0");
  });

  it("stops a cancelled import within a batch, writing nothing, and does not run it again", async () => {
    const file = path.join(dir, "to-cancel.csv");
    await generateKineticsCsv(file, 30_000, 5);
    const name = `cancelled ${run}`;
    const row = await requestImport(kinetics(file, name), { userId: null });
    let cancelling: Promise<boolean> | null = null;
    const outcome = await runImport(row.id, {
      progressIntervalMs: 0,
      onProgress: () => {
        cancelling ??= cancelImport(row.id, "Ada", { userId: null, ip: "203.0.113.9" });
      },
    });
    expect(await cancelling).toBe(true);
    expect(await auditTrail("dataset.import.cancel", row.id)).toHaveLength(1);
    expect(outcome.status).toBe("FAILED");
    expect(outcome.recordsRead).toBeLessThan(30_000);
    expect(outcome.problems).toEqual([
      { file: "to-cancel.csv", reason: "cancelled by Ada; nothing was written", severity: "error", cancelled: true },
    ]);
    expect((await datasetCounts(name)).datasets).toBe(0);
    // A redelivered job finds it cancelled; a finished import cannot be cancelled.
    expect((await runImport(row.id)).status).toBe("FAILED");
    expect((await datasetCounts(name)).datasets).toBe(0);
    expect(await cancelImport(row.id, "Ada", { userId: null })).toBe(false);
    expect(await auditTrail("dataset.import.cancel", row.id)).toHaveLength(1);
  }, 60_000);

  it("refuses to mix formats in one dataset", async () => {
    const name = `format clash ${run}`;
    const csv = path.join(dir, "clash.csv");
    await generateKineticsCsv(csv, 5, 3);
    expect((await importNow(kinetics(csv, name))).outcome.status).toBe("SUCCEEDED");
    const star = demo.datasets.find((d) => d.spec.format === "star")!;
    const { outcome } = await importNow(optionsFromSpec(star.spec, { datasetName: name, mediaPrefix: "media" }));
    expect(outcome.status).toBe("REJECTED");
    expect(outcome.problems[0]).toMatchObject({ field: "format", reason: expect.stringContaining("KINETICS700") as unknown as string });
    expect((await datasetCounts(name)).videos).toBe(5);
  });
});

describe("re-imports", () => {
  it("re-importing a file of several batches writes nothing, not even a row lock", async () => {
    const name = `re-import ${run}`;
    const file = path.join(dir, "re-import.csv");
    await generateKineticsCsv(file, 12_000, 17);
    const first = await importNow({ datasetName: name, format: "kinetics", file, checkMedia: false });
    expect(first.outcome.counts).toEqual({
      videosCreated: 12_000,
      videosUpdated: 0,
      labelsCreated: 12_000,
      labelsUpdated: 0,
      questionsCreated: 12_000,
      questionsUpdated: 0,
    });
    // Copied straight into the tables over two batches: ids follow the file, labels and questions sit on their own video.
    const items = await collectItems(parseKinetics(file, { errors: new ImportErrorCollector() }));
    const { rows: keys } = await pool().query<{ key: string }>(`SELECT key FROM "Video" WHERE "datasetId" = $1 ORDER BY id`, [
      first.outcome.datasetId,
    ]);
    expect(keys.map((row) => row.key)).toEqual(items.map((item) => item.videoKey));
    const { rows: matched } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Video" v JOIN "Label" l ON l."videoId" = v.id
         JOIN "Question" q ON q."videoId" = v.id AND q."datasetId" = v."datasetId" AND q.targets->0->'label' = l.value
        WHERE v."datasetId" = $1`,
      [first.outcome.datasetId],
    );
    expect(matched[0]!.n).toBe(12_000);
    const before = await rowVersions(name);

    const again = await importNow({ datasetName: name, format: "kinetics", file, checkMedia: false });
    expect(again.outcome.status).toBe("SUCCEEDED");
    expect(again.outcome.counts).toEqual({
      videosCreated: 0,
      videosUpdated: 0,
      labelsCreated: 0,
      labelsUpdated: 0,
      questionsCreated: 0,
      questionsUpdated: 0,
    });
    expect(await rowVersions(name)).toEqual(before);
  });

  it("updates exactly the rows a changed file changes, and adds the new ones", async () => {
    const name = `changed ${run}`;
    const header = "label,youtube_id,time_start,time_end,split";
    const rows = Array.from({ length: 30 }, (_, i) => `playing guitar,clip${String(i).padStart(7, "0")},0,10,train`);
    const original = path.join(dir, "changed-1.csv");
    await writeFile(original, [header, ...rows, ""].join("\n"));
    expect((await importNow(kinetics(original, name))).outcome.status).toBe("SUCCEEDED");

    const changed = [...rows];
    changed[5] = "playing guitar,clip0000005,0,10,val"; // split: the video and its question
    changed[7] = "playing drums,clip0000007,0,10,train"; // class: the label and its question's target
    changed.push("eating cake,clipNEW0001,0,10,train");
    const edited = path.join(dir, "changed-2.csv");
    await writeFile(edited, [header, ...changed, ""].join("\n"));
    const { outcome } = await importNow(kinetics(edited, name));
    expect(outcome.counts).toEqual({
      videosCreated: 1,
      videosUpdated: 1,
      labelsCreated: 1,
      labelsUpdated: 1,
      questionsCreated: 1,
      questionsUpdated: 2,
    });

    const { rows: stored } = await pool().query<{ key: string; split: string; label: unknown; targets: unknown; questionSplit: string }>(
      `SELECT v.key, v.split, l.value AS label, q.targets, q.split AS "questionSplit"
       FROM "Video" v JOIN "Dataset" d ON d.id = v."datasetId" JOIN "Label" l ON l."videoId" = v.id JOIN "Question" q ON q."videoId" = v.id
       WHERE d.name = $1 AND v.key IN ('clip0000005_000000_000010', 'clip0000007_000000_000010', 'clipNEW0001_000000_000010') ORDER BY v.key`,
      [name],
    );
    expect(stored).toEqual([
      {
        key: "clip0000005_000000_000010",
        split: "val",
        label: "playing guitar",
        targets: [{ labelType: "class", label: "playing guitar" }],
        questionSplit: "val",
      },
      {
        key: "clip0000007_000000_000010",
        split: "train",
        label: "playing drums",
        targets: [{ labelType: "class", label: "playing drums" }],
        questionSplit: "train",
      },
      {
        key: "clipNEW0001_000000_000010",
        split: "train",
        label: "eating cake",
        targets: [{ labelType: "class", label: "eating cake" }],
        questionSplit: "train",
      },
    ]);
  });

  it("looks staged videos up by the unique (datasetId, key) index even when statistics predate the dataset", async () => {
    // Statistics of a Video table that holds one big dataset, taken before the imported one existed.
    const { rows: made } = await pool().query<{ id: number }>(
      `INSERT INTO "Dataset" (name, format, description, "mediaPrefix", "isDemo") VALUES ($1, 'KINETICS700', '', '', false) RETURNING id`,
      [`statistics ${run}`],
    );
    await pool().query(
      `INSERT INTO "Video" ("datasetId", key, split) SELECT $1, 'abcdefghijk_' || lpad(i::text, 6, '0') || '_000010', 'train' FROM generate_series(1, 50000) i`,
      [made[0]!.id],
    );
    await pool().query(`ANALYZE "Video"`);
    const file = path.join(dir, "after-statistics.csv");
    await generateKineticsCsv(file, 300, 31);
    const { outcome } = await importNow(kinetics(file, `after statistics ${run}`));
    expect(outcome.status).toBe("SUCCEEDED");

    const stager = new BatchStager({ mediaPrefix: "", templateIds: new Map() });
    for (const item of await collectItems(parseKinetics(file, { errors: new ImportErrorCollector() }))) stager.add(item);
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      await createStaging(client);
      await loadStaging(client, stager.take());
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${UPSERT}`, [outcome.datasetId]);
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      expect(plan).toContain('Index Scan using "Video_datasetId_key_key"');
      expect(plan).not.toContain("Video_datasetId_split_idx");
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("stores text with tabs, newlines, backslashes, quotes and any Unicode exactly as read", async () => {
    const name = `special characters ${run}`;
    const label = 'a\tb\\c "quoted" \\N é 😀 line\nbreak';
    const file = path.join(dir, "special.csv");
    await writeFile(file, `label,youtube_id,time_start,time_end,split\n"${label.replaceAll('"', '""')}",specialChr1,0,10,train\n`);
    const first = await importNow(kinetics(file, name));
    expect(first.outcome.status).toBe("SUCCEEDED");
    const text = "Tab\there, back\\slash, \\N, new\nline — what happens?";
    await pool().query(`UPDATE "QuestionTemplate" SET text = $2 WHERE "datasetId" = $1`, [first.outcome.datasetId, text]);
    expect((await importNow(kinetics(file, name))).outcome.counts).toMatchObject({ questionsUpdated: 1, labelsUpdated: 0 });

    const { rows } = await pool().query<{ label: unknown; text: string; targets: unknown }>(
      `SELECT l.value AS label, q.text, q.targets FROM "Video" v JOIN "Label" l ON l."videoId" = v.id JOIN "Question" q ON q."videoId" = v.id WHERE v."datasetId" = $1`,
      [first.outcome.datasetId],
    );
    expect(rows).toEqual([{ label, text, targets: [{ labelType: "class", label }] }]);
  });
});

describe("templates", () => {
  it("renders questions from the dataset's edited templates on re-import, updating only their text", async () => {
    const name = `templates ${run}`;
    const csv = path.join(dir, "templates.csv");
    await generateKineticsCsv(csv, 40, 21);
    const options: ImportOptionsInput = { datasetName: name, format: "kinetics", file: csv, checkMedia: false };
    const first = await importNow(options);
    const datasetId = first.outcome.datasetId!;
    const { rows: templates } = await pool().query<{ id: number; key: string }>(
      `SELECT id, key FROM "QuestionTemplate" WHERE "datasetId" = $1 ORDER BY key`,
      [datasetId],
    );
    expect(templates.map((t) => t.key)).toContain("kinetics.activity.1");
    await pool().query(`UPDATE "QuestionTemplate" SET text = 'Name the activity in this clip.' WHERE id = $1`, [templates[0]!.id]);
    const { rows: uses } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "Question" WHERE "templateId" = $1`, [
      templates[0]!.id,
    ]);

    const again = await importNow(options);
    expect(again.outcome.counts).toMatchObject({ videosCreated: 0, questionsCreated: 0, questionsUpdated: uses[0]!.n });
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Question" WHERE "templateId" = $1 AND text = 'Name the activity in this clip.'`,
      [templates[0]!.id],
    );
    expect(rows[0]!.n).toBe(uses[0]!.n);
    expect(uses[0]!.n).toBeGreaterThan(0);
  });

  it("imports a generic file with its mapping and stores the mapping's questions as templates", async () => {
    const file = path.join(dir, "captions.jsonl");
    await writeFile(
      file,
      ['{"clip":"c1","caption":"a ball rolls","t0":1,"t1":2}', '{"clip":"c2","caption":"a box moves","t0":0,"t1":1.5}', ""].join("\n"),
    );
    const mappingFile = path.join(dir, "mapping.json");
    await writeFile(
      mappingFile,
      JSON.stringify({
        videoKey: "clip",
        split: { literal: "train" },
        labels: [{ key: "caption", labelType: "caption", from: "caption" }],
        questions: [
          { key: "describe", text: "Describe the clip.", targets: [{ labelType: "caption", from: "caption" }] },
          { key: "when", text: "When does it happen?", targets: [{ labelType: "interval", from: { start: "t0", end: "t1" } }] },
        ],
      }),
    );
    const name = `generic ${run}`;
    const { outcome } = await importNow({ datasetName: name, format: "generic", file, mappingFile, checkMedia: false });
    expect(outcome).toMatchObject({ status: "SUCCEEDED", videosCreated: 2, questionsCreated: 4 });
    expect(await datasetCounts(name)).toMatchObject({ videos: 2, labels: 2, questions: 4, templates: 2 });

    const noMapping = await importNow({ datasetName: `${name} without mapping`, format: "generic", file, checkMedia: false });
    expect(noMapping.outcome.status).toBe("REJECTED");
    expect(noMapping.outcome.problems[0]?.field).toBe("mapping");
  });
});

describe("a new dataset written on two connections", () => {
  /** A dataset row as an earlier attempt killed mid-import leaves it: hidden, with some of its videos committed. */
  async function leftover(name: string, importId: number, videos: number): Promise<number> {
    const { rows } = await pool().query<{ id: number }>(
      `INSERT INTO "Dataset" (name, format, "pendingImportId") VALUES ($1, 'KINETICS700', $2) RETURNING id`,
      [name, importId],
    );
    const datasetId = rows[0]!.id;
    await pool().query(`INSERT INTO "Video" ("datasetId", key) SELECT $1, 'leftover-' || n FROM generate_series(1, $2) AS n`, [
      datasetId,
      videos,
    ]);
    return datasetId;
  }

  async function pendingImportOf(name: string): Promise<number | null | undefined> {
    const { rows } = await pool().query<{ pendingImportId: number | null }>(`SELECT "pendingImportId" FROM "Dataset" WHERE name = $1`, [
      name,
    ]);
    return rows[0]?.pendingImportId;
  }

  it("writes its batches in two transactions, and no reader sees the dataset until both are committed", async () => {
    const file = path.join(dir, "two-connections.csv");
    await generateKineticsCsv(file, 35_000, 23);
    const name = `two connections ${run}`;
    const row = await requestImport(kinetics(file, name), { userId: null });
    let seenWhileImporting: Promise<unknown[]> | null = null;
    const outcome = await runImport(row.id, {
      progressIntervalMs: 0,
      onProgress: ({ recordsRead }) => {
        if (recordsRead < 20_000) return;
        seenWhileImporting ??= Promise.all([
          pendingImportOf(name),
          listDatasets().then((all) => all.some((d) => d.name === name)),
          findDatasetIdByName(name),
          findCatalogDataset(name),
          pool()
            .query<{ id: number }>(`SELECT id FROM "Dataset" WHERE name = $1`, [name])
            .then(({ rows }) => findDataset(rows[0]!.id)),
        ]);
      },
    });
    expect(outcome).toMatchObject({ status: "SUCCEEDED", videosCreated: 35_000, questionsCreated: 35_000 });
    expect(await seenWhileImporting).toEqual([row.id, false, null, null, null]);
    expect(await pendingImportOf(name)).toBeNull();
    expect(await findDatasetIdByName(name)).toBe(outcome.datasetId);
    expect(await datasetCounts(name)).toMatchObject({ datasets: 1, videos: 35_000, labels: 35_000, questions: 35_000 });
    const { rows } = await pool().query<{ transactions: number }>(
      `SELECT count(DISTINCT v.xmin::text)::int AS transactions FROM "Video" v WHERE v."datasetId" = $1`,
      [outcome.datasetId],
    );
    expect(rows[0]!.transactions).toBe(2);
  }, 120_000);

  it("fails whole when its connections are lost mid-import, and deletes the dataset", async () => {
    const file = path.join(dir, "connection-lost.csv");
    await generateKineticsCsv(file, 40_000, 29);
    const name = `connection lost ${run}`;
    const row = await requestImport(kinetics(file, name), { userId: null });
    let killing: Promise<unknown> | null = null;
    const importing = runImport(row.id, {
      progressIntervalMs: 0,
      onProgress: ({ recordsRead }) => {
        if (recordsRead < 20_000) return;
        // Every connection of this import in a transaction (its writers) is terminated, as a database failover would.
        killing ??= pool().query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
        );
      },
    });
    await expect(importing).rejects.toThrow();
    await killing;
    expect(await findImport(row.id)).toMatchObject({ status: "FAILED", datasetId: null, videosCreated: 0 });
    expect(await datasetCounts(name)).toEqual({ datasets: 0, videos: 0, labels: 0, questions: 0, templates: 0 });
  }, 120_000);

  it("deletes what a killed attempt left when its job runs again, and then imports the file once", async () => {
    const file = await kineticsCsv("killed.csv", 50, []);
    const name = `killed ${run}`;
    const row = await requestImport(kinetics(file, name), { userId: null });
    expect(await markImportRunning(row.id)).toBe(true);
    await leftover(name, row.id, 30);
    expect(await findDatasetIdByName(name)).toBeNull();

    const outcome = await runImport(row.id);
    expect(outcome).toMatchObject({ status: "SUCCEEDED", videosCreated: 50 });
    expect(await datasetCounts(name)).toMatchObject({ datasets: 1, videos: 50, labels: 50, questions: 50 });
    expect(await pendingImportOf(name)).toBeNull();
  });

  it("deletes what an abandoned import left, and what a cancelled one left once another import runs", async () => {
    const file = await kineticsCsv("abandoned.csv", 5, []);
    const abandoned = await requestImport(kinetics(file, `abandoned ${run}`), { userId: null });
    await markImportRunning(abandoned.id);
    await leftover(`abandoned ${run}`, abandoned.id, 20);
    await abandonImport(abandoned.id, "the workers running it kept dying");
    expect(await findImport(abandoned.id)).toMatchObject({ status: "FAILED" });
    expect(await datasetCounts(`abandoned ${run}`)).toMatchObject({ datasets: 0, videos: 0 });

    const cancelled = await requestImport(kinetics(file, `cancelled while dead ${run}`), { userId: null });
    await markImportRunning(cancelled.id);
    await leftover(`cancelled while dead ${run}`, cancelled.id, 20);
    expect(await cancelImport(cancelled.id, "Ada", { userId: null })).toBe(true);
    expect((await importNow(kinetics(file, `after the cancelled one ${run}`))).outcome.status).toBe("SUCCEEDED");
    expect(await datasetCounts(`cancelled while dead ${run}`)).toMatchObject({ datasets: 0, videos: 0 });
  });

  it("refuses to import into a dataset another import is still creating, and leaves that one alone", async () => {
    const file = await kineticsCsv("racing.csv", 5, []);
    const name = `racing ${run}`;
    const creating = await requestImport(kinetics(file, name), { userId: null });
    await markImportRunning(creating.id);
    await leftover(name, creating.id, 3);
    const { outcome } = await importNow(kinetics(file, name));
    expect(outcome.status).toBe("REJECTED");
    expect(outcome.problems[0]).toMatchObject({
      field: "datasetName",
      reason: expect.stringContaining(`being created by another import (#${creating.id})`) as unknown as string,
    });
    expect(await pendingImportOf(name)).toBe(creating.id);
    expect(await datasetCounts(name)).toMatchObject({ datasets: 1, videos: 3 });
  });
});

describe("video ids of a new dataset", () => {
  it("are reserved ascending from Video's sequence, each one even when the sequence leaves holes", async () => {
    const client = await pool().connect();
    try {
      const writer = await ImportWriter.open(client, 0, "new");
      const contiguous = await writer.reserveVideoIds(5);
      expect(contiguous).toHaveLength(5);
      expect(contiguous.map((id) => id - contiguous[0]!)).toEqual([0, 1, 2, 3, 4]);
      // As another session's inserts taking every other id would.
      await client.query(`ALTER SEQUENCE "Video_id_seq" INCREMENT BY 2`);
      try {
        const holed = await writer.reserveVideoIds(4);
        expect(holed.map((id) => id - holed[0]!)).toEqual([0, 2, 4, 6]);
        expect(holed[0]!).toBeGreaterThan(contiguous[4]!);
      } finally {
        await client.query(`ALTER SEQUENCE "Video_id_seq" INCREMENT BY 1`);
      }
    } finally {
      client.release();
    }
  });
});
