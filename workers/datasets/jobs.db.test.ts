import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { writeDemoFixtures } from "@/lib/datasets/demo/write-demo-fixtures";
import { optionsFromSpec } from "@/lib/datasets/import-options";
import { enqueueImport } from "@/lib/datasets/job-sender";
import { requestImport } from "@/lib/datasets/request-import";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { spawnScript, waitFor, type SpawnedScript } from "@/lib/testing/processes";

let dir: string;
let worker: SpawnedScript;

beforeAll(async () => {
  dir = await makeTempDir("dataset-jobs");
}, 60_000);

afterAll(async () => {
  worker?.child.kill("SIGKILL");
  await stopProcessBoss();
  await removeTempDir(dir);
  await closePool();
  await disconnectPrisma();
});

test("the worker process runs a queued import, then the media ingest it queues", async () => {
  const demo = await writeDemoFixtures(path.join(dir, "store", "fixtures"));
  const kinetics = demo.datasets.find((d) => d.spec.format === "kinetics")!;
  const name = `worker import ${Date.now().toString(36)}`;
  const row = await requestImport(optionsFromSpec(kinetics.spec, { datasetName: name, mediaPrefix: "fixtures/media" }), { userId: null });
  expect(await enqueueImport(row.id)).toBeTruthy();

  worker = spawnScript("workers/main.ts", { VSTAR_MEDIA_ROOT: path.join(dir, "store"), WORKER_GRACE_MS: "2000" });
  const statuses = await waitFor(
    async () => {
      const { rows } = await pool().query<{ status: string; n: number }>(
        `SELECT v."mediaStatus" AS status, count(*)::int AS n FROM "Video" v JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name = $1 GROUP BY 1`,
        [name],
      );
      return rows.length === 1 && rows[0]?.status !== "PENDING" ? rows : null;
    },
    `the import and ingest to finish (worker output: ${worker.output()})`,
    90_000,
  );
  expect(statuses).toEqual([{ status: "READY", n: 3 }]);
  const { rows } = await pool().query<{ status: string; videosCreated: number }>(
    `SELECT status, "videosCreated" FROM "DatasetImport" WHERE id = $1`,
    [row.id],
  );
  expect(rows[0]).toEqual({ status: "SUCCEEDED", videosCreated: 3 });
}, 120_000);
