import { humanSaysHallucinated } from "@/lib/review/db/human-verdict";
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { CurationFilters } from "./metrics-repository";
import { asJson, isRecord } from "./json";
import { db, type Queryable } from "./queryable";

export type ExportFormat = "VIDEO_LLAVA" | "LLAMA_FACTORY" | "LLAMA_FACTORY_DPO" | "JSONL";

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

/** What people said of one answer: an adjudication when there is one, else the raters' submitted audits. */
type HumanJudgement = "CORRECT" | "HALLUCINATED" | "PARTLY_CORRECT" | "UNSURE";

/** One answer to a question, with everything preference pairing weighs. */
export interface PreferenceCandidate {
  generationId: number;
  mode: "ANSWER" | "RATIONALIZATION";
  text: string;
  simulated: boolean;
  questionId: number;
  question: string;
  videoKey: string;
  mediaPath: string | null;
  sourcePath: string | null;
  /** The verifier's verdict of this version; null when it was not verified. */
  passed: boolean | null;
  score: number | null;
  /** The adjudicator's verdict (overrides the audits); null when there is no adjudication. */
  adjudicated: HumanJudgement | null;
  /** Submitted audits saying HALLUCINATED, saying CORRECT, and with any verdict. */
  auditsHallucinated: number;
  auditsCorrect: number;
  auditsJudged: number;
}

/**
 * The answers (and, unless directOnly, rationalizations) to one page of the cycle's questions
 * (keyset on question id: every answer to a question is on the same page), for preference pairs.
 */
export async function preferenceCandidatesPage(
  input: { cycleId: number; verifierVersion: string; modes: string[]; afterQuestionId: number; questions: number },
  queryable: Queryable = db(),
): Promise<PreferenceCandidate[]> {
  const { rows } = await queryable.query<PreferenceCandidate>(
    `WITH page AS (
       SELECT DISTINCT g."questionId" FROM "Generation" g
        WHERE g."cycleId" = $1 AND g.mode = ANY($3::"GenerationMode"[]) AND g."questionId" > $4
        ORDER BY g."questionId" LIMIT $5)
     SELECT g.id AS "generationId", g.mode, g.text, g.simulated, q.id AS "questionId", q.text AS question,
            vi.key AS "videoKey", vi."mediaPath", vi."sourcePath", v.passed, v.score, adj.verdict AS adjudicated,
            COALESCE(au.hallucinated, 0) AS "auditsHallucinated", COALESCE(au.correct, 0) AS "auditsCorrect",
            COALESCE(au.judged, 0) AS "auditsJudged"
       FROM "Generation" g
       JOIN page ON page."questionId" = g."questionId"
       JOIN "Question" q ON q.id = g."questionId"
       JOIN "Video" vi ON vi.id = q."videoId"
       LEFT JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $2
       LEFT JOIN "Adjudication" adj ON adj."generationId" = g.id
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE a.verdict = 'HALLUCINATED')::int AS hallucinated,
                count(*) FILTER (WHERE a.verdict = 'CORRECT')::int AS correct, count(*)::int AS judged
           FROM "Audit" a WHERE a."generationId" = g.id AND a."submittedAt" IS NOT NULL AND a.verdict IS NOT NULL) au ON true
      WHERE g."cycleId" = $1 AND g.mode = ANY($3::"GenerationMode"[])
      ORDER BY g."questionId", g.id`,
    [input.cycleId, input.verifierVersion, input.modes, input.afterQuestionId, input.questions],
  );
  return rows;
}

/**
 * Verified answers of the cycle that a person judged hallucinated, which the training export's
 * excludeHallucinated leaves out, by mode. An adjudication decides when there is one (an
 * adjudicated CORRECT keeps an answer a rater marked hallucinated); otherwise any audit saying
 * HALLUCINATED leaves it out.
 */
export async function countLeftOutByAudits(
  cycleId: number,
  verifierVersion: string,
  queryable: Queryable = db(),
): Promise<{ answers: number; rationalizations: number }> {
  const { rows } = await queryable.query<{ answers: number; rationalizations: number }>(
    // Starts from the (few) judgements rather than the cycle's generations: the cycle page polls it.
    `WITH judged AS (
       SELECT a."generationId" FROM "Audit" a WHERE a.verdict = 'HALLUCINATED'
       UNION SELECT j."generationId" FROM "Adjudication" j WHERE j.verdict = 'HALLUCINATED')
     SELECT count(*) FILTER (WHERE g.mode = 'ANSWER')::int AS answers,
            count(*) FILTER (WHERE g.mode = 'RATIONALIZATION')::int AS rationalizations
       FROM judged
       JOIN "Generation" g ON g.id = judged."generationId" AND g."cycleId" = $1 AND g.mode IN ('ANSWER', 'RATIONALIZATION')
       JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $2 AND v.passed
       LEFT JOIN "Adjudication" adj ON adj."generationId" = g.id
      WHERE adj.verdict IS NULL OR adj.verdict = 'HALLUCINATED'`,
    [cycleId, verifierVersion],
  );
  return rows[0] ?? { answers: 0, rationalizations: 0 };
}
