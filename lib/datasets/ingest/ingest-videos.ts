import pLimit from "p-limit";
import { mediaRoot } from "@/lib/config/media-root";
import { s3SettingsFromEnv } from "@/lib/media/object-storage";
import { findVideosForIngest, markVideoReady, markVideoUnplayable } from "../video-repository";
import { ingestVideo, type IngestEnvironment } from "./ingest-video";

export interface IngestSummary {
  ready: number;
  unplayable: number;
  /** Already READY (a retried job, or a video of an earlier import). */
  skipped: number;
  /** Ids given that no longer exist (the dataset was deleted meanwhile). */
  missing: number;
}

/**
 * Ingests a batch of videos by id (the `ingest-media` job): each becomes READY or UNPLAYABLE with
 * its reason. Idempotent: READY videos are skipped. `concurrency` ffmpeg runs at a time (default 1:
 * the worker shares the machine).
 */
export async function ingestVideos(
  ids: readonly number[],
  options: { concurrency?: number; signal?: AbortSignal; env?: IngestEnvironment } = {},
): Promise<IngestSummary> {
  const env = options.env ?? { root: mediaRoot(), storage: s3SettingsFromEnv() };
  const videos = await findVideosForIngest(ids);
  const summary: IngestSummary = { ready: 0, unplayable: 0, skipped: 0, missing: ids.length - videos.length };
  const limit = pLimit(Math.max(1, options.concurrency ?? 1));
  await Promise.all(
    videos.map((video) =>
      limit(async () => {
        if (video.mediaStatus === "READY") {
          summary.skipped += 1;
          return;
        }
        options.signal?.throwIfAborted();
        const result = await ingestVideo(video, env);
        if (result.status === "READY") {
          await markVideoReady(video.id, result.media);
          summary.ready += 1;
        } else {
          await markVideoUnplayable(video.id, result.reason);
          summary.unplayable += 1;
        }
      }),
    ),
  );
  return summary;
}
