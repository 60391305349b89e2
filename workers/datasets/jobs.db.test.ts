import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { writeDemoFixtures } from "@/lib/datasets/demo/write-demo-fixtures";
import { importOptionsSchema, optionsFromSpec } from "@/lib/datasets/import-options";
import { createImportRow } from "@/lib/datasets/import-repository";
import { enqueueImport } from "@/lib/datasets/job-sender";
import { requestImport } from "@/lib/datasets/request-import";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { stopProcessBoss } from "@/lib/jobs/process-boss";
import { spawnScript, waitFor, type SpawnedScript } from "@/lib/testing/processes";

let dir: string;
let worker: SpawnedScript | undefined;
let standby: SpawnedScript | undefined;
let firstWorker: SpawnedScript | undefined;

beforeAll(async () => {
  dir = await makeTempDir("dataset-jobs");
}, 60_000);

afterAll(async () => {
  for (const spawned of [firstWorker, worker, standby]) {
    spawned?.child.kill("SIGKILL");
    await spawned?.exited;
  }
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
  firstWorker = worker;
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
  worker.child.kill("SIGKILL");
  await worker.exited;
}, 120_000);

test("an import whose worker is killed is taken over by another worker within seconds, not after its 2-hour expiry", async () => {
  // The annotation file is a named pipe: the import blocks reading it until the test writes the rows.
  const fifo = path.join(dir, `kinetics-${Date.now().toString(36)}.csv`);
  execFileSync("mkfifo", [fifo]);
  const name = `taken over ${Date.now().toString(36)}`;
  const options = importOptionsSchema.parse({ datasetName: name, format: "kinetics", file: fifo, checkMedia: false, mediaPrefix: "none" });
  const row = await createImportRow({ options, sourceSha256: null, createdById: null });
  expect(await enqueueImport(row.id)).toBeTruthy();
  const importRow = async () =>
    (
      await pool().query<{ status: string; startedAt: Date | null; videosCreated: number }>(
        `SELECT status, "startedAt", "videosCreated" FROM "DatasetImport" WHERE id = $1`,
        [row.id],
      )
    ).rows[0]!;

  const first = spawnScript("workers/main.ts", { VSTAR_MEDIA_ROOT: path.join(dir, "store"), WORKER_GRACE_MS: "1000" });
  worker = first;
  const running = await waitFor(
    async () => {
      const current = await importRow();
      return current.status === "RUNNING" ? current : null;
    },
    `the import to start (worker output: ${first.output()})`,
    60_000,
  );
  // The worker that takes over is up first: what is measured is how soon the dead one is noticed.
  const second = spawnScript("workers/main.ts", { VSTAR_MEDIA_ROOT: path.join(dir, "store"), WORKER_GRACE_MS: "1000" });
  standby = second;
  await waitFor(
    async () => (await pool().query(`SELECT 1 FROM "WorkerHeartbeat" WHERE pid = $1`, [second.child.pid])).rowCount === 1,
    "the second worker to beat",
    60_000,
  );
  first.child.kill("SIGKILL");
  await first.exited;
  const killedAt = Date.now();
  await waitFor(
    async () => {
      const current = await importRow();
      return current.status === "RUNNING" && current.startedAt!.getTime() > running.startedAt!.getTime();
    },
    `another worker to take the import over (worker output: ${second.output()})`,
    45_000,
  );
  const tookOver = Date.now() - killedAt;
  await writeFile(fifo, "label,youtube_id,time_start,time_end,split\nriding camel,abcdefghijk,0,10,train\n");
  const done = await waitFor(
    async () => {
      const current = await importRow();
      return current.status === "SUCCEEDED" ? current : null;
    },
    `the import to finish (worker output: ${second.output()})`,
    30_000,
  );
  expect(done.videosCreated).toBe(1);
  expect(tookOver).toBeLessThanOrEqual(30_000);
  expect(second.output()).toContain("Took over a job whose worker stopped beating");
}, 120_000);
