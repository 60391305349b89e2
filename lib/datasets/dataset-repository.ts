import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import type { Db } from "@/lib/db/transaction";
import { isDerivedClipPath } from "./ingest/media-paths";

/** Datasets an import is still creating are no one's to see (see Dataset.pendingImportId). */
const VISIBLE = { pendingImportId: null };

export async function listDatasets() {
  return prisma().dataset.findMany({
    where: VISIBLE,
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, format: true, description: true, isDemo: true, _count: { select: { videos: true, questions: true } } },
  });
}

export async function findDataset(id: number) {
  return prisma().dataset.findUnique({
    where: { id, ...VISIBLE },
    select: {
      id: true,
      name: true,
      format: true,
      description: true,
      isDemo: true,
      mediaPrefix: true,
      createdAt: true,
      _count: { select: { videos: true, questions: true } },
    },
  });
}

export async function findDatasetIdByName(name: string): Promise<number | null> {
  const found = await prisma().dataset.findUnique({ where: { name, ...VISIBLE }, select: { id: true } });
  return found?.id ?? null;
}

export interface DatasetCounts {
  /** Videos per split ("" for none). */
  videosBySplit: Record<string, number>;
  /** Labels per kind (CLASS, INTERVAL, DIVE...). */
  labelsByKind: Record<string, number>;
  /** Questions per kind of question (activity, star-when, aqa-full...). */
  questionsByKind: Record<string, number>;
  /** Videos per media status (PENDING, READY, UNPLAYABLE). */
  videosByStatus: Record<string, number>;
}

/** Counts by split, label type, question kind and media status, for the given datasets (all when omitted). */
export async function datasetCounts(datasetIds?: readonly number[]): Promise<Map<number, DatasetCounts>> {
  const filter = datasetIds === undefined ? "" : `WHERE "datasetId" = ANY($1::int[])`;
  const params = datasetIds === undefined ? [] : [[...datasetIds]];
  const [splits, statuses, labels, questions] = await Promise.all([
    pool().query<Row>(
      `SELECT "datasetId" AS id, coalesce(split, '') AS name, count(*)::int AS n FROM "Video" ${filter} GROUP BY 1, 2`,
      params,
    ),
    pool().query<Row>(
      `SELECT "datasetId" AS id, "mediaStatus"::text AS name, count(*)::int AS n FROM "Video" ${filter} GROUP BY 1, 2`,
      params,
    ),
    pool().query<Row>(
      `SELECT v."datasetId" AS id, l.kind::text AS name, count(*)::int AS n FROM "Label" l JOIN "Video" v ON v.id = l."videoId"
       ${datasetIds === undefined ? "" : `WHERE v."datasetId" = ANY($1::int[])`} GROUP BY 1, 2`,
      params,
    ),
    pool().query<Row>(`SELECT "datasetId" AS id, kind AS name, count(*)::int AS n FROM "Question" ${filter} GROUP BY 1, 2`, params),
  ]);
  const counts = new Map<number, DatasetCounts>();
  const entry = (id: number) => {
    let found = counts.get(id);
    if (found === undefined) {
      found = { videosBySplit: {}, labelsByKind: {}, questionsByKind: {}, videosByStatus: {} };
      counts.set(id, found);
    }
    return found;
  };
  for (const row of splits.rows) entry(row.id).videosBySplit[row.name] = row.n;
  for (const row of statuses.rows) entry(row.id).videosByStatus[row.name] = row.n;
  for (const row of labels.rows) entry(row.id).labelsByKind[row.name] = row.n;
  for (const row of questions.rows) entry(row.id).questionsByKind[row.name] = row.n;
  return counts;
}

interface Row {
  id: number;
  name: string;
  n: number;
}

export interface VideoPageFilter {
  split?: string | undefined;
  status?: "PENDING" | "READY" | "UNPLAYABLE" | undefined;
}

/** A page of a dataset's videos in id order after `afterId` (keyset pagination), plus the next cursor. */
export async function listVideosPage(datasetId: number, afterId: number, limit: number, filter: VideoPageFilter = {}) {
  const rows = await prisma().video.findMany({
    where: {
      datasetId,
      id: { gt: afterId },
      ...(filter.split === undefined ? {} : { split: filter.split === "" ? null : filter.split }),
      ...(filter.status === undefined ? {} : { mediaStatus: filter.status }),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: {
      id: true,
      key: true,
      split: true,
      mediaStatus: true,
      unplayableReason: true,
      durationSec: true,
      clipStartSec: true,
      clipEndSec: true,
      width: true,
      height: true,
      mediaPath: true,
    },
  });
  const page = rows.slice(0, limit).map(withWindowCut);
  return { videos: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** One video of a dataset with its labels and questions (for the player panel). */
export async function findVideoDetail(datasetId: number, videoId: number) {
  const video = await prisma().video.findFirst({
    where: { id: videoId, datasetId },
    select: {
      id: true,
      key: true,
      split: true,
      mediaStatus: true,
      unplayableReason: true,
      durationSec: true,
      fps: true,
      width: true,
      height: true,
      videoCodec: true,
      clipStartSec: true,
      clipEndSec: true,
      mediaPath: true,
      labels: { orderBy: { key: "asc" }, select: { key: true, kind: true, value: true } },
      questions: { orderBy: { key: "asc" }, take: 100, select: { id: true, key: true, kind: true, text: true, targets: true } },
    },
  });
  return video === null ? null : withWindowCut(video);
}

/**
 * `windowCut`: the served file is the clip's window alone (cut at ingest), so the player's time 0 is
 * the clip's start; else the window, if any, is a part of the served file. The path itself stays private.
 */
function withWindowCut<T extends { mediaPath: string | null }>({ mediaPath, ...video }: T): Omit<T, "mediaPath"> & { windowCut: boolean } {
  return { ...video, windowCut: mediaPath !== null && isDerivedClipPath(mediaPath) };
}

export async function listTemplates(datasetId: number) {
  return prisma().questionTemplate.findMany({
    where: { datasetId },
    orderBy: [{ kind: "asc" }, { key: "asc" }],
    select: { id: true, key: true, kind: true, text: true, updatedAt: true },
  });
}

export async function findTemplate(datasetId: number, templateId: number) {
  return prisma().questionTemplate.findFirst({
    where: { id: templateId, datasetId },
    select: { id: true, key: true, kind: true, text: true },
  });
}

export async function updateTemplateText(templateId: number, text: string, db: Db = prisma()) {
  return db.questionTemplate.update({
    where: { id: templateId },
    data: { text },
    select: { id: true, key: true, kind: true, text: true, updatedAt: true },
  });
}

/** Demo datasets by name, with how many of their videos still wait for the ingest step. */
export async function demoDatasetStates(names: readonly string[]) {
  const datasets = await prisma().dataset.findMany({
    where: { name: { in: [...names] }, isDemo: true, ...VISIBLE },
    select: { id: true, name: true, _count: { select: { videos: true } } },
  });
  const pending = await prisma().video.groupBy({
    by: ["datasetId"],
    where: { datasetId: { in: datasets.map((d) => d.id) }, mediaStatus: "PENDING" },
    _count: { _all: true },
  });
  const pendingById = new Map(pending.map((row) => [row.datasetId, row._count._all]));
  return datasets.map((d) => ({ id: d.id, name: d.name, videos: d._count.videos, pending: pendingById.get(d.id) ?? 0 }));
}
