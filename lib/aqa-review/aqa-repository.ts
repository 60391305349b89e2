import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AQA_MODES, type AqaMode } from "./aqa-modes";

export type { AqaMode };

/** A FineDiving action-quality generation: one answering an aqa-* question of a FineDiving dataset. */
function aqaGenerations(mode: AqaMode | readonly AqaMode[]): Prisma.GenerationWhereInput {
  return {
    mode: typeof mode === "string" ? mode : { in: [...mode] },
    question: { kind: { startsWith: "aqa-" }, dataset: { format: "FINEDIVING" } },
  };
}

const cycleHeaderSelect = {
  id: true,
  index: true,
  status: true,
  isFinal: true,
  startedAt: true,
  finishedAt: true,
  run: { select: { id: true, name: true } },
} satisfies Prisma.CycleSelect;

export type CycleHeaderRow = Prisma.CycleGetPayload<{ select: typeof cycleHeaderSelect }>;

export async function findCycleHeader(cycleId: number): Promise<CycleHeaderRow | null> {
  return prisma().cycle.findUnique({ where: { id: cycleId }, select: cycleHeaderSelect });
}

/** How many AQA generations the cycle holds per mode. */
export async function countAqaGenerations(cycleId: number): Promise<Record<AqaMode, number>> {
  const counts = await Promise.all(AQA_MODES.map((mode) => prisma().generation.count({ where: { cycleId, ...aqaGenerations(mode) } })));
  return Object.fromEntries(AQA_MODES.map((mode, i) => [mode, counts[i] ?? 0])) as Record<AqaMode, number>;
}

const generationSelect = {
  id: true,
  cycleId: true,
  questionId: true,
  sampleIndex: true,
  text: true,
  simulated: true,
  question: {
    select: {
      kind: true,
      targets: true,
      datasetId: true,
      video: { select: { id: true, key: true, split: true, labels: { where: { key: "dive" }, select: { value: true } } } },
    },
  },
} satisfies Prisma.GenerationSelect;

export type AqaGenerationRow = Prisma.GenerationGetPayload<{ select: typeof generationSelect }>;

/** One page of a cycle's AQA generations in id order, after `afterId` (keyset pagination). */
async function aqaGenerationPage(
  cycleId: number,
  options: { mode: AqaMode; afterId?: number; limit: number },
): Promise<AqaGenerationRow[]> {
  return prisma().generation.findMany({
    where: { cycleId, ...aqaGenerations(options.mode), ...(options.afterId === undefined ? {} : { id: { gt: options.afterId } }) },
    orderBy: { id: "asc" },
    take: options.limit,
    select: generationSelect,
  });
}

/** Every AQA generation of a cycle, read in batches so memory stays bounded. */
export async function* eachAqaGeneration(cycleId: number, mode: AqaMode, batchSize = 500): AsyncGenerator<AqaGenerationRow> {
  let afterId: number | undefined;
  for (;;) {
    const page = await aqaGenerationPage(cycleId, { mode, afterId, limit: batchSize });
    yield* page;
    if (page.length < batchSize) return;
    afterId = page.at(-1)?.id;
  }
}

export async function aqaDatasetIds(cycleId: number, mode: AqaMode): Promise<number[]> {
  const rows = await prisma().question.findMany({
    where: { kind: { startsWith: "aqa-" }, dataset: { format: "FINEDIVING" }, generations: { some: { cycleId, mode } } },
    distinct: ["datasetId"],
    select: { datasetId: true },
  });
  return rows.map((r) => r.datasetId);
}

const diveDetailSelect = {
  ...generationSelect,
  mode: true,
  model: true,
  prompt: true,
  createdAt: true,
  cycle: { select: cycleHeaderSelect },
  question: {
    select: {
      ...generationSelect.question.select,
      text: true,
      dataset: { select: { id: true, name: true, format: true } },
      video: {
        select: {
          ...generationSelect.question.select.video.select,
          mediaStatus: true,
          durationSec: true,
          fps: true,
          width: true,
          height: true,
          unplayableReason: true,
        },
      },
    },
  },
} satisfies Prisma.GenerationSelect;

export type AqaGenerationDetailRow = Prisma.GenerationGetPayload<{ select: typeof diveDetailSelect }>;

export async function findGenerationDetail(generationId: number): Promise<AqaGenerationDetailRow | null> {
  return prisma().generation.findUnique({ where: { id: generationId }, select: diveDetailSelect });
}

/** The previous and next AQA generation of the same cycle and mode, for stepping through dives. */
export async function neighbourGenerationIds(
  generationId: number,
  cycleId: number,
  mode: AqaMode,
): Promise<{ previous: number | null; next: number | null }> {
  const where = { cycleId, ...aqaGenerations(mode) };
  const [previous, next] = await Promise.all([
    prisma().generation.findFirst({ where: { ...where, id: { lt: generationId } }, orderBy: { id: "desc" }, select: { id: true } }),
    prisma().generation.findFirst({ where: { ...where, id: { gt: generationId } }, orderBy: { id: "asc" }, select: { id: true } }),
  ]);
  return { previous: previous?.id ?? null, next: next?.id ?? null };
}

/** Dive numbers and difficulties of every dive record in these datasets (for the difficulty table). */
export async function diveDifficultyRecords(datasetIds: readonly number[]): Promise<{ actionType: string; difficulty: number }[]> {
  if (datasetIds.length === 0) return [];
  const { rows } = await pool().query<{ actionType: string; difficulty: number }>(
    `SELECT l.value->>'action_type' AS "actionType", (l.value->>'difficulty')::float8 AS difficulty
       FROM "Label" l JOIN "Video" v ON v.id = l."videoId"
      WHERE l.key = 'dive' AND v."datasetId" = ANY($1::int[])
        AND jsonb_typeof(l.value->'difficulty') = 'number'
        AND jsonb_typeof(l.value->'action_type') IN ('string', 'number')`,
    [datasetIds],
  );
  return rows.filter((r) => r.difficulty > 0 && r.actionType !== "");
}

/** Changes whenever the cycle's AQA generations or their dive labels change (for caching figures). */
export async function aqaFingerprint(cycleId: number, mode: AqaMode): Promise<string> {
  const { rows } = await pool().query<{ n: number; last: number; chars: string; labels: Date | null }>(
    `SELECT count(*)::int AS n, coalesce(max(g.id), 0)::int AS last, coalesce(sum(length(g.text)), 0)::text AS chars,
            max(l."updatedAt") AS labels
       FROM "Generation" g
       JOIN "Question" q ON q.id = g."questionId"
       JOIN "Dataset" d ON d.id = q."datasetId"
       LEFT JOIN "Label" l ON l."videoId" = q."videoId" AND l.key = 'dive'
      WHERE g."cycleId" = $1 AND g.mode = $2::"GenerationMode" AND q.kind LIKE 'aqa-%' AND d.format = 'FINEDIVING'`,
    [cycleId, mode],
  );
  const row = rows[0];
  return row ? `${row.n}:${row.last}:${row.chars}:${row.labels?.toISOString() ?? "-"}` : "none";
}

/** Runs holding FineDiving AQA generations (of these modes), newest first, with their cycles and AQA counts. */
export async function listAqaRuns(modes: readonly AqaMode[] = AQA_MODES) {
  return prisma().run.findMany({
    where: { cycles: { some: { generations: { some: aqaGenerations(modes) } } } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      cycles: {
        orderBy: { index: "asc" },
        select: {
          id: true,
          index: true,
          status: true,
          isFinal: true,
          inputCheckpoint: { select: { simulated: true } },
          _count: { select: { generations: { where: aqaGenerations(modes) } } },
        },
      },
    },
  });
}

export async function findRunWithCycles(runId: number) {
  return prisma().run.findUnique({
    where: { id: runId },
    select: {
      id: true,
      name: true,
      status: true,
      cycles: { orderBy: { index: "asc" }, select: { id: true, index: true, status: true, isFinal: true } },
    },
  });
}
