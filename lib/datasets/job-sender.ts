import type PgBoss from "pg-boss";
import { sendJob } from "@/lib/jobs/send-job";
import { processBoss } from "@/lib/jobs/process-boss";
import { queues } from "@/lib/jobs/queues";
import { pendingVideoIds } from "./video-repository";

/** Videos per ingest-media job: a few minutes of ffmpeg at most, and few jobs for a big dataset. */
const INGEST_BATCH = 50;

/** Queues a requested import, through this process's one pg-boss (lib/jobs/process-boss). */
export async function enqueueImport(importId: number): Promise<string | null> {
  return sendJob(await processBoss(), "import", { importId });
}

/** Queues ingest-media jobs for every PENDING video of a dataset; returns how many jobs. */
export async function enqueueIngestForDataset(datasetId: number): Promise<{ jobs: number; videos: number }> {
  const boss = await processBoss();
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
