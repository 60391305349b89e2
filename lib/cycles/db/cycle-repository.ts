import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import type { CyclePlan } from "../plan";
import type { CycleStatus, Stage } from "../state-machine";
import { asJson, isRecord } from "./json";

export interface CheckpointRef {
  id: number;
  servedName: string;
  kind: "BASE" | "ADAPTER";
  baseModel: string;
  adapterPath: string | null;
}

export interface CycleState {
  id: number;
  runId: number;
  runName: string;
  runStatus: "ACTIVE" | "DONE" | "FAILED" | "CANCELLED";
  index: number;
  isFinal: boolean;
  status: CycleStatus;
  config: unknown;
  metrics: Record<string, unknown>;
  error: string | null;
  cancelRequestedAt: Date | null;
  inputCheckpoint: CheckpointRef;
  outputCheckpoint: CheckpointRef | null;
}

const checkpointSelect = { id: true, servedName: true, kind: true, baseModel: true, adapterPath: true } as const;

export async function loadCycle(cycleId: number): Promise<CycleState | null> {
  const row = await prisma().cycle.findUnique({
    where: { id: cycleId },
    select: {
      id: true,
      runId: true,
      index: true,
      isFinal: true,
      status: true,
      config: true,
      metrics: true,
      error: true,
      cancelRequestedAt: true,
      run: { select: { name: true, status: true } },
      inputCheckpoint: { select: checkpointSelect },
      outputCheckpoint: { select: checkpointSelect },
    },
  });
  if (!row) return null;
  const { run, metrics, ...rest } = row;
  return { ...rest, runName: run.name, runStatus: run.status, metrics: isRecord(metrics) ? metrics : {} };
}

/** Moves a cycle on only if it is still in `from` (another tick may have moved it already). */
export async function transitionCycle(
  cycleId: number,
  from: CycleStatus,
  to: CycleStatus,
  extra: { isFinal?: boolean; error?: string | null; metrics?: Record<string, unknown>; startedAt?: Date; finishedAt?: Date | null } = {},
  db: Db = prisma(),
): Promise<boolean> {
  const { count } = await db.cycle.updateMany({
    where: { id: cycleId, status: from },
    data: {
      status: to,
      ...(extra.isFinal !== undefined ? { isFinal: extra.isFinal } : {}),
      ...(extra.error !== undefined ? { error: extra.error } : {}),
      ...(extra.metrics !== undefined ? { metrics: asJson(extra.metrics) } : {}),
      ...(extra.startedAt !== undefined ? { startedAt: extra.startedAt } : {}),
      ...(extra.finishedAt !== undefined ? { finishedAt: extra.finishedAt } : {}),
      updatedAt: new Date(),
    },
  });
  return count === 1;
}

/** Merges keys into the cycle's metrics (a read-modify-write under the engine's per-cycle lock). */
export async function mergeCycleMetrics(
  cycleId: number,
  patch: Record<string, unknown>,
  db: Db = prisma(),
): Promise<Record<string, unknown>> {
  const row = await db.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { metrics: true } });
  const merged = { ...(isRecord(row.metrics) ? row.metrics : {}), ...patch };
  await db.cycle.update({ where: { id: cycleId }, data: { metrics: asJson(merged), updatedAt: new Date() }, select: { id: true } });
  return merged;
}

export async function requestCancel(cycleId: number, db: Db = prisma()): Promise<void> {
  await db.cycle.updateMany({
    where: { id: cycleId, cancelRequestedAt: null },
    data: { cancelRequestedAt: new Date(), updatedAt: new Date() },
  });
}

/** Two writes: give it a transaction so that a run never exists without its first cycle. */
export async function createRunWithFirstCycle(
  input: { name: string; plan: CyclePlan; createdById: string | null },
  tx: Db,
): Promise<{ runId: number; cycleId: number }> {
  const run = await tx.run.create({
    data: { name: input.name, config: asJson(input.plan), createdById: input.createdById },
    select: { id: true },
  });
  const cycle = await tx.cycle.create({
    data: { runId: run.id, index: 1, config: asJson(input.plan), inputCheckpointId: input.plan.baseCheckpointId },
    select: { id: true },
  });
  return { runId: run.id, cycleId: cycle.id };
}

/** The run's next cycle, trained from the base model but generating with `inputCheckpointId` (idempotent). */
export async function createNextCycle(runId: number, index: number, plan: unknown, inputCheckpointId: number): Promise<number> {
  const cycle = await prisma().cycle.upsert({
    where: { runId_index: { runId, index } },
    create: { runId, index, config: asJson(plan), inputCheckpointId },
    update: {},
    select: { id: true },
  });
  return cycle.id;
}

/** Makes a run active again (a resume). A run ends through engine/run-end, which tells its launcher. */
export async function setRunStatus(runId: number, status: "ACTIVE", db: Db = prisma()): Promise<void> {
  await db.run.update({
    where: { id: runId },
    data: { status, finishedAt: null, updatedAt: new Date() },
    select: { id: true },
  });
}

export async function cycleMetricsOf(runId: number, index: number): Promise<Record<string, unknown> | null> {
  const row = await prisma().cycle.findUnique({ where: { runId_index: { runId, index } }, select: { metrics: true } });
  return row && isRecord(row.metrics) ? row.metrics : null;
}

/** The newest cycle of a run (the one a cancel or resume of the run acts on). */
export async function latestCycleOfRun(runId: number): Promise<{ id: number; status: CycleStatus } | null> {
  return prisma().cycle.findFirst({ where: { runId }, orderBy: { index: "desc" }, select: { id: true, status: true } });
}

export async function resetForResume(cycleId: number, status: CycleStatus, db: Db = prisma()): Promise<boolean> {
  const { count } = await db.cycle.updateMany({
    where: { id: cycleId, status: { in: ["FAILED", "CANCELLED"] } },
    data: { status, error: null, cancelRequestedAt: null, finishedAt: null, updatedAt: new Date() },
  });
  return count === 1;
}

export async function cycleStatusAndConfig(cycleId: number): Promise<{ status: CycleStatus; config: unknown } | null> {
  return prisma().cycle.findUnique({ where: { id: cycleId }, select: { status: true, config: true } });
}

/** Gives the unresolved item errors of these stages (of these reasons only, when given) their attempts back. */
export async function retryItemErrors(cycleId: number, stages: Stage[], reasons?: readonly string[], db: Db = prisma()): Promise<number> {
  const { count } = await db.itemError.updateMany({
    where: { cycleId, resolvedAt: null, stage: { in: stages }, ...(reasons ? { reason: { in: [...reasons] } } : {}) },
    data: { attempts: 0, updatedAt: new Date() },
  });
  return count;
}
