import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";

/** What the ingest step needs to know about a video. */
export async function findVideosForIngest(ids: readonly number[]) {
  return prisma().video.findMany({
    where: { id: { in: [...ids] } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      datasetId: true,
      key: true,
      sourcePath: true,
      mediaStatus: true,
      clipStartSec: true,
      clipEndSec: true,
      metadata: true,
    },
  });
}
export type IngestVideoRow = Awaited<ReturnType<typeof findVideosForIngest>>[number];

export interface ProbedMedia {
  mediaPath: string;
  posterPath: string;
  durationSec: number | null;
  fps: number | null;
  width: number;
  height: number;
  sizeBytes: number;
  videoCodec: string;
  audioCodec: string | null;
}

export async function markVideoReady(id: number, media: ProbedMedia): Promise<void> {
  await prisma().video.update({
    where: { id },
    data: { ...media, sizeBytes: BigInt(media.sizeBytes), mediaStatus: "READY", unplayableReason: null },
    select: { id: true },
  });
}

export async function markVideoUnplayable(id: number, reason: string): Promise<void> {
  await prisma().video.update({
    where: { id },
    data: { mediaStatus: "UNPLAYABLE", unplayableReason: reason.slice(0, 2000), mediaPath: null, posterPath: null },
    select: { id: true },
  });
}

/** Ids of a dataset's videos still waiting for ingest, in id order, a page at a time. */
export async function pendingVideoIds(datasetId: number, afterId: number, limit: number): Promise<number[]> {
  const { rows } = await pool().query<{ id: number }>(
    `SELECT id FROM "Video" WHERE "datasetId" = $1 AND "mediaStatus" = 'PENDING' AND id > $2 ORDER BY id LIMIT $3`,
    [datasetId, afterId, limit],
  );
  return rows.map((row) => row.id);
}

/** The served files of a video, by id only (the media routes never see a path). */
export async function findServableVideo(id: number) {
  return prisma().video.findUnique({
    where: { id },
    select: { id: true, mediaStatus: true, mediaPath: true, posterPath: true },
  });
}

/**
 * Sends a dataset's UNPLAYABLE videos back to PENDING (media added after the annotations were
 * imported, or fixed); returns how many. The ingest step then tries them again.
 */
export async function requeueUnplayableVideos(datasetId: number): Promise<number> {
  const result = await pool().query(
    `UPDATE "Video" SET "mediaStatus" = 'PENDING', "unplayableReason" = NULL WHERE "datasetId" = $1 AND "mediaStatus" = 'UNPLAYABLE'`,
    [datasetId],
  );
  return result.rowCount ?? 0;
}
