import { humanSaysHallucinated } from "@/lib/review/db/human-verdict";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { CurationFilters } from "./metrics-repository";
import { asJson, isRecord } from "./json";
import { db, type Queryable } from "./queryable";

export type ExportFormat = "VIDEO_LLAVA" | "LLAMA_FACTORY" | "JSONL";

export interface ExportFilters extends CurationFilters {
  /** "training": the export a cycle trains on (one per cycle); "download": asked for by a person. */
  purpose: "training" | "download";
  /**
   * A downloaded LLaMA-Factory export's video paths: under this folder, relative to the dataset
   * folder (LLaMA-Factory's default media_dir), unless absoluteVideoPaths asks for this server's.
   */
  videoFolder?: string;
  absoluteVideoPaths?: boolean;
}

export interface ExportRow {
  id: number;
  cycleId: number | null;
  format: ExportFormat;
  filters: ExportFilters;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  storagePath: string | null;
  rowCount: number;
  sizeBytes: bigint | null;
  error: string | null;
}

const select = {
  id: true,
  cycleId: true,
  format: true,
  filters: true,
  status: true,
  storagePath: true,
  rowCount: true,
  sizeBytes: true,
  error: true,
} as const;

function toRow(row: {
  id: number;
  cycleId: number | null;
  format: string;
  filters: unknown;
  status: ExportRow["status"];
  storagePath: string | null;
  rowCount: number;
  sizeBytes: bigint | null;
  error: string | null;
}): ExportRow {
  const filters = isRecord(row.filters) ? row.filters : {};
  return {
    ...row,
    format: row.format as ExportFormat,
    filters: {
      purpose: filters.purpose === "training" ? "training" : "download",
      directOnly: filters.directOnly === true,
      excludeHallucinated: filters.excludeHallucinated !== false,
      ...(typeof filters.videoFolder === "string" ? { videoFolder: filters.videoFolder } : {}),
      ...(filters.absoluteVideoPaths === true ? { absoluteVideoPaths: true } : {}),
    },
  };
}

export async function createExport(
  input: { cycleId: number; format: ExportFormat; filters: ExportFilters; createdById?: string | null },
  client: Db = prisma(),
): Promise<ExportRow> {
  return toRow(
    await client.export.create({
      data: { cycleId: input.cycleId, format: input.format, filters: asJson(input.filters), createdById: input.createdById ?? null },
      select,
    }),
  );
}

/** The cycle's training export (LLaMA-Factory), if it was created. */
export async function findTrainingExport(cycleId: number): Promise<ExportRow | null> {
  const row = await prisma().export.findFirst({
    where: { cycleId, format: "LLAMA_FACTORY", filters: { path: ["purpose"], equals: "training" } },
    orderBy: { id: "asc" },
    select,
  });
  return row ? toRow(row) : null;
}

export async function findExport(id: number): Promise<ExportRow | null> {
  const row = await prisma().export.findUnique({ where: { id }, select });
  return row ? toRow(row) : null;
}

export async function updateExport(
  id: number,
  data: {
    status: ExportRow["status"];
    storagePath?: string;
    rowCount?: number;
    sizeBytes?: bigint;
    error?: string | null;
    finishedAt?: Date;
  },
): Promise<void> {
  await prisma().export.update({ where: { id }, data: { ...data, updatedAt: new Date() }, select: { id: true } });
}

export interface CuratedExample {
  generationId: number;
  mode: "ANSWER" | "RATIONALIZATION";
  sampleIndex: number;
  prompt: string;
  text: string;
  questionId: number;
  question: string;
  kind: string;
  targets: unknown;
  datasetId: number;
  dataset: string;
  videoId: number;
  videoKey: string;
  mediaPath: string | null;
  sourcePath: string | null;
  score: number;
  method: string;
  /** Written by a simulated backend. */
  simulated: boolean;
}

/** One page (keyset on generation id) of the examples an export's filters keep. */
export async function curatedPage(
  input: { cycleId: number; verifierVersion: string; modes: string[]; excludeHallucinated: boolean; afterId: number; limit: number },
  queryable: Queryable = db(),
): Promise<CuratedExample[]> {
  const { rows } = await queryable.query<CuratedExample>(
    `SELECT g.id AS "generationId", g.mode, g."sampleIndex", g.prompt, g.text, q.id AS "questionId", q.text AS question, q.kind, q.targets,
            q."datasetId", d.name AS dataset, vi.id AS "videoId", vi.key AS "videoKey", vi."mediaPath", vi."sourcePath", v.score, v.method, g.simulated
       FROM "Generation" g
       JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $2 AND v.passed
       JOIN "Question" q ON q.id = g."questionId"
       JOIN "Video" vi ON vi.id = q."videoId"
       JOIN "Dataset" d ON d.id = q."datasetId"
      WHERE g."cycleId" = $1 AND g.mode = ANY($3::"GenerationMode"[]) AND g.id > $5
        AND (NOT $4 OR NOT ${humanSaysHallucinated("g.id")})
      ORDER BY g.id LIMIT $6`,
    [input.cycleId, input.verifierVersion, input.modes, input.excludeHallucinated, input.afterId, input.limit],
  );
  return rows;
}
