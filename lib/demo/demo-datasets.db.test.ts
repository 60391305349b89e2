import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { probe } from "@/lib/media/probe";
import { DEMO_DATASET_NAMES, seedDemoDatasets } from "./demo-datasets";

let dir: string;
const saved = { data: process.env.VSTAR_DATA_DIR, media: process.env.VSTAR_MEDIA_ROOT };

beforeAll(async () => {
  dir = await makeTempDir("demo-seed");
  process.env.VSTAR_DATA_DIR = dir;
  process.env.VSTAR_MEDIA_ROOT = path.join(dir, "media");
});

afterAll(async () => {
  for (const [key, value] of [
    ["VSTAR_DATA_DIR", saved.data],
    ["VSTAR_MEDIA_ROOT", saved.media],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await removeTempDir(dir);
  await closePool();
  await disconnectPrisma();
});

async function demoState() {
  const { rows } = await pool().query<{ name: string; isDemo: boolean; status: string; n: number; imports: number }>(
    `SELECT d.name, d."isDemo", v."mediaStatus" AS status, count(v.id)::int AS n,
            (SELECT count(*) FROM "DatasetImport" i WHERE i."datasetId" = d.id)::int AS imports
     FROM "Dataset" d LEFT JOIN "Video" v ON v."datasetId" = d.id
     WHERE d.name = ANY($1) GROUP BY d.id, v."mediaStatus" ORDER BY d.name, status`,
    [[...DEMO_DATASET_NAMES]],
  );
  return rows;
}

it("imports the three demo datasets through the real importers with every clip playable, once", async () => {
  const lines: string[] = [];
  await seedDemoDatasets((line) => lines.push(line));
  expect(lines).toEqual([expect.stringMatching(/^Demo datasets ready: .* \(10 clips made playable, 0 unplayable\)/)]);
  const state = await demoState();
  expect(state).toEqual([
    { name: "FineDiving (demo)", isDemo: true, status: "READY", n: 5, imports: 1 },
    { name: "Kinetics-700 (demo)", isDemo: true, status: "READY", n: 3, imports: 1 },
    { name: "STAR (demo)", isDemo: true, status: "READY", n: 2, imports: 1 },
  ]);

  const { rows } = await pool().query<{ mediaPath: string }>(
    `SELECT v."mediaPath" FROM "Video" v JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name = ANY($1)`,
    [[...DEMO_DATASET_NAMES]],
  );
  for (const row of rows) expect((await probe(path.join(dir, "media", row.mediaPath))).isBrowserSafe).toBe(true);

  await seedDemoDatasets((line) => lines.push(line));
  expect(lines).toHaveLength(1);
  expect(await demoState()).toEqual(state);
}, 120_000);
