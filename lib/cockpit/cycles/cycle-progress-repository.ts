import { withMaskedWebhook } from "@/lib/notifications/webhook-url";
import { countLeftOutByAudits } from "@/lib/cycles/db/export-repository";
import type { CycleStatus } from "@/lib/cycles/state-machine";
import { VERIFIER_VERSION } from "@/lib/verifier";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { cycleLabel } from "./cycle-list-repository";
import { stageProgress, type StageAggregate, type StageProgress } from "./stage-progress";

export interface CycleProgress {
  id: number;
  runId: number;
  runName: string;
  index: number;
  label: string;
  isFinal: boolean;
  status: CycleStatus;
  error: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  inputCheckpoint: { servedName: string; kind: string; simulated: boolean };
  outputCheckpoint: { id: number; servedName: string; adapterPath: string | null; simulated: boolean; createdAt: string } | null;
  metrics: unknown;
  config: unknown;
  stages: StageProgress[];
  /** The training set as curated (absent until the cycle curated), and what audits left out of it. */
  trainingData: TrainingData;
  /** Run siblings, for navigating between the run's cycles. */
  siblings: { id: number; index: number; status: string }[];
}

interface TrainingData {
  curated: { answers: number; rationalizations: number; total: number; directOnly: boolean } | null;
  /**
   * Verified answers (and rationalizations, unless the training set takes direct answers only) that
   * people judged hallucinated, which the training export leaves out (excludeHallucinated).
   */
  leftOutByAudits: number;
}

export async function cycleProgress(cycleId: number, now = new Date(), verifierVersion = VERIFIER_VERSION): Promise<CycleProgress | null> {
  const cycle = await prisma().cycle.findUnique({
    where: { id: cycleId },
    select: {
      id: true,
      runId: true,
      index: true,
      isFinal: true,
      status: true,
      error: true,
      cancelRequestedAt: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      metrics: true,
      config: true,
      run: { select: { name: true, cycles: { orderBy: { index: "asc" }, select: { id: true, index: true, status: true } } } },
      inputCheckpoint: { select: { servedName: true, kind: true, simulated: true } },
      outputCheckpoint: { select: { id: true, servedName: true, adapterPath: true, simulated: true, createdAt: true } },
    },
  });
  if (!cycle) return null;
  const aggregates = await stageAggregates(cycleId);
  const stoppedIn = stoppedInOf(cycle.metrics);
  const curated = curatedOf(cycle.metrics);
  const leftOut = await countLeftOutByAudits(cycleId, verifierVersion);
  const directOnly = curated?.directOnly ?? cycle.isFinal;
  return {
    id: cycle.id,
    runId: cycle.runId,
    runName: cycle.run.name,
    index: cycle.index,
    label: cycleLabel(cycle.run.name, cycle.index),
    isFinal: cycle.isFinal,
    status: cycle.status,
    error: cycle.error,
    cancelRequested: cycle.cancelRequestedAt !== null,
    createdAt: cycle.createdAt.toISOString(),
    startedAt: cycle.startedAt?.toISOString() ?? null,
    finishedAt: cycle.finishedAt?.toISOString() ?? null,
    inputCheckpoint: cycle.inputCheckpoint,
    outputCheckpoint: cycle.outputCheckpoint
      ? { ...cycle.outputCheckpoint, createdAt: cycle.outputCheckpoint.createdAt.toISOString() }
      : null,
    metrics: cycle.metrics,
    config: withMaskedWebhook(cycle.config),
    stages: stageProgress(cycle.status, stoppedIn, aggregates, now),
    trainingData: { curated, leftOutByAudits: leftOut.answers + (directOnly ? 0 : leftOut.rationalizations) },
    siblings: cycle.run.cycles,
  };
}

async function stageAggregates(cycleId: number): Promise<StageAggregate[]> {
  const { rows } = await pool().query<StageAggregate>(
    `SELECT stage, count(*)::int AS batches,
        count(*) FILTER (WHERE status = 'PENDING')::int AS pending, count(*) FILTER (WHERE status = 'RUNNING')::int AS running,
        count(*) FILTER (WHERE status = 'DONE')::int AS done, count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
        COALESCE(sum("itemCount"), 0)::int AS items, COALESCE(sum("doneCount"), 0)::int AS "doneItems",
        COALESCE(sum("errorCount"), 0)::int AS "errorItems",
        (array_agg("lastError" ORDER BY "updatedAt" DESC) FILTER (WHERE "lastError" IS NOT NULL))[1] AS "lastError",
        min("createdAt") AS "firstCreatedAt", max("finishedAt") AS "lastFinishedAt",
        (array_agg(status ORDER BY "batchIndex" DESC))[1] AS "lastBatchStatus"
      FROM "StageBatch" WHERE "cycleId" = $1 GROUP BY stage`,
    [cycleId],
  );
  return rows;
}

/** Where a failed or cancelled cycle stopped, when the engine recorded it in the metrics. */
function stoppedInOf(metrics: unknown): CycleStatus | null {
  if (typeof metrics !== "object" || metrics === null) return null;
  const value = (metrics as { stoppedIn?: unknown }).stoppedIn;
  return typeof value === "string" ? (value as CycleStatus) : null;
}

/** The curation the engine recorded in the metrics (curate stage), when it did. */
function curatedOf(metrics: unknown): TrainingData["curated"] {
  if (typeof metrics !== "object" || metrics === null) return null;
  const curation = (metrics as { curation?: unknown }).curation;
  if (typeof curation !== "object" || curation === null) return null;
  const { examples, directOnly } = curation as { examples?: unknown; directOnly?: unknown };
  if (typeof examples !== "object" || examples === null) return null;
  const { answers, rationalizations, total } = examples as Record<string, unknown>;
  if (typeof answers !== "number" || typeof rationalizations !== "number" || typeof total !== "number") return null;
  return { answers, rationalizations, total, directOnly: directOnly === true };
}

export interface ErrorGroup {
  stage: string;
  reason: string;
  count: number;
  /** Items given up on (or waiting for their next attempt): not yet resolved. */
  sampleMessage: string;
  maxAttempts: number;
  lastAt: string;
}

/** The cycle's unresolved item errors, grouped by stage and reason, biggest group first. */
export async function cycleErrorGroups(cycleId: number): Promise<ErrorGroup[]> {
  const { rows } = await pool().query<Omit<ErrorGroup, "lastAt"> & { lastAt: Date }>(
    `SELECT stage, reason, count(*)::int AS count, (array_agg(message ORDER BY "updatedAt" DESC))[1] AS "sampleMessage",
        max(attempts)::int AS "maxAttempts", max("updatedAt") AS "lastAt"
      FROM "ItemError" WHERE "cycleId" = $1 AND "resolvedAt" IS NULL
      GROUP BY stage, reason ORDER BY count(*) DESC, stage, reason`,
    [cycleId],
  );
  return rows.map((row) => ({ ...row, lastAt: row.lastAt.toISOString() }));
}
