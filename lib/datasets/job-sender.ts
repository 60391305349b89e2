import type PgBoss from "pg-boss";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { sendJob, startBoss } from "@/lib/jobs/boss";
import { queues } from "@/lib/jobs/queues";
import { pendingVideoIds } from "./video-repository";

/** Videos per ingest-media job: a few minutes of ffmpeg at most, and few jobs for a big dataset. */
const INGEST_BATCH = 50;

const cache = globalThis as unknown as { vstarDatasetJobs?: Promise<PgBoss> };

/**
 * A pg-boss handle for sending dataset jobs from any process (web app, worker, CLI), started on
 * first use and kept for the life of the process (across Next.js dev reloads too).
 */
function datasetJobSender(): Promise<PgBoss> {
  cache.vstarDatasetJobs ??= startBoss(requireDatabaseUrl()).catch((error: unknown) => {
    cache.vstarDatasetJobs = undefined;
    throw error;
  });
  return cache.vstarDatasetJobs;
}

export async function closeDatasetJobSender(): Promise<void> {
  const boss = await cache.vstarDatasetJobs?.catch(() => null);
  cache.vstarDatasetJobs = undefined;
  await boss?.stop({ graceful: false, wait: true });
}

export async function enqueueImport(importId: number): Promise<string | null> {
  return sendJob(await datasetJobSender(), "import", { importId });
}

/** Queues ingest-media jobs for every PENDING video of a dataset; returns how many jobs. */
export async function enqueueIngestForDataset(datasetId: number): Promise<{ jobs: number; videos: number }> {
  const boss = await datasetJobSender();
  const queue = queues["ingest-media"];
  let jobs = 0;
  let videos = 0;
  let afterId = 0;
  for (;;) {
    const ids = await pendingVideoIds(datasetId, afterId, INGEST_BATCH * 100);
    if (ids.length === 0) break;
    const batches: PgBoss.JobInsert[] = [];
    for (let start = 0; start < ids.length; start += INGEST_BATCH) {
      batches.push({
        name: queue.name,
        data: queue.payload.parse({ videoIds: ids.slice(start, start + INGEST_BATCH) }),
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelaySeconds,
        retryBackoff: queue.retryDelaySeconds > 0,
        expireInSeconds: queue.expireInSeconds,
      });
    }
    await boss.insert(batches);
    jobs += batches.length;
    videos += ids.length;
    afterId = ids[ids.length - 1] ?? afterId;
  }
  return { jobs, videos };
}
