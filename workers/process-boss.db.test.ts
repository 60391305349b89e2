import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { enqueueImport } from "@/lib/datasets/job-sender";
import { generateKineticsCsv } from "@/lib/datasets/kinetics/generate";
import { requestImport } from "@/lib/datasets/request-import";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { processBoss } from "@/lib/jobs/process-boss";
import { queues } from "@/lib/jobs/queues";
import { sendJob } from "@/lib/jobs/send-job";
import { waitFor } from "@/lib/testing/processes";
import { type RunningWorker, startWorker } from "./worker";

// Every pg-boss this process makes is counted, whoever makes it.
const made = vi.hoisted(() => ({ bosses: 0 }));
vi.mock("pg-boss", async (importOriginal) => {
  const { default: PgBoss } = await importOriginal<{ default: typeof import("pg-boss") }>();
  class CountedPgBoss extends PgBoss {
    constructor(...args: ConstructorParameters<typeof PgBoss>) {
      super(...args);
      made.bosses += 1;
    }
  }
  return { default: CountedPgBoss };
});

let dir: string;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  dir = await makeTempDir("process-boss");
  // The worker's own code path, in this process: its handlers send through whatever it holds.
  worker = await startWorker(process.env.DATABASE_URL!);
});

afterAll(async () => {
  await worker?.stop(1000);
  await removeTempDir(dir);
  await closePool();
  await disconnectPrisma();
});

test("a worker holds one pg-boss, for taking jobs and for the jobs its handlers send", async () => {
  expect(made.bosses).toBe(1);

  // An import job queues the dataset's media ingest jobs from inside its handler (lib/datasets).
  const file = path.join(dir, "clips.csv");
  await generateKineticsCsv(file, 12, 7);
  const datasetName = `one boss ${Date.now().toString(36)}`;
  const row = await requestImport({ datasetName, format: "kinetics", file, checkMedia: false }, { userId: null });
  expect(await enqueueImport(row.id)).toBeTruthy();
  // A cycle tick asks the cycle engine's sender for its pg-boss (lib/cycles), here for a cycle that is gone.
  const boss = await processBoss();
  const tickId = await sendJob(boss, "cycleTick", { cycleId: 2_000_000_000 });

  const ingested = await waitFor(async () => {
    const { rows } = await pool().query<{ pending: number; total: number }>(
      `SELECT count(*) FILTER (WHERE v."mediaStatus" = 'PENDING')::int AS pending, count(*)::int AS total
         FROM "Video" v JOIN "Dataset" d ON d.id = v."datasetId" WHERE d.name = $1`,
      [datasetName],
    );
    return rows[0] && rows[0].total > 0 && rows[0].pending === 0 ? rows[0] : null;
  }, "the import and the ingest jobs it queued to finish");
  expect(ingested.total).toBeGreaterThan(0);
  const ingestJobs = await pool().query<{ state: string }>(
    `SELECT state FROM pgboss.job WHERE name = $1 AND created_on > now() - interval '5 minutes'`,
    [queues["ingest-media"].name],
  );
  expect(ingestJobs.rows.length).toBeGreaterThan(0);
  const tick = await waitFor(async () => {
    const job = await boss.getJobById(queues.cycleTick.name, tickId!);
    return job?.state === "completed" ? job : null;
  }, `tick job ${tickId} to complete`);
  expect(tick.output).toMatchObject({ finished: true });

  expect(made.bosses).toBe(1);
});
