import { prisma } from "@/lib/db/prisma";
import { cycleLabel } from "../cycles/cycle-list-repository";
import { withMaskedWebhook } from "@/lib/notifications/webhook-url";
import { diffConfigs, type ConfigDifference } from "./config-diff";
import { auditPoints, evaluationPoints, usagePoints, yieldPoints } from "./trend-repository";
import type { AuditPoint, EvaluationPoint, UsagePoint, YieldPoint } from "./trend-types";

export interface ComparedCycle {
  id: number;
  runId: number;
  runName: string;
  index: number;
  label: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  outputCheckpoint: string | null;
  /** Its model was served by a simulated backend. */
  simulated: boolean;
  yields: YieldPoint[];
  audits: AuditPoint[];
  evaluations: EvaluationPoint[];
  usage: UsagePoint[];
}

export interface CycleComparison {
  a: ComparedCycle;
  b: ComparedCycle;
  /** Settings that differ between the two cycles' configuration snapshots. */
  configDiff: ConfigDifference[];
}

/** Two cycles side by side; null when either does not exist. */
export async function compareCycles(aId: number, bId: number): Promise<CycleComparison | null> {
  const rows = await prisma().cycle.findMany({
    where: { id: { in: [aId, bId] } },
    select: {
      id: true,
      runId: true,
      index: true,
      status: true,
      config: true,
      startedAt: true,
      finishedAt: true,
      run: { select: { name: true } },
      outputCheckpoint: { select: { servedName: true } },
      inputCheckpoint: { select: { simulated: true } },
    },
  });
  const rowA = rows.find((row) => row.id === aId);
  const rowB = rows.find((row) => row.id === bId);
  if (!rowA || !rowB) return null;
  const ids = [...new Set([aId, bId])];
  const [yields, audits, evaluations, usage] = await Promise.all([
    yieldPoints(ids),
    auditPoints(ids),
    evaluationPoints(ids),
    usagePoints(ids),
  ]);
  const side = (row: typeof rowA): ComparedCycle => ({
    id: row.id,
    runId: row.runId,
    runName: row.run.name,
    index: row.index,
    label: cycleLabel(row.run.name, row.index),
    status: row.status,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
    outputCheckpoint: row.outputCheckpoint?.servedName ?? null,
    simulated: row.inputCheckpoint.simulated,
    yields: yields.filter((point) => point.cycleId === row.id),
    audits: audits.filter((point) => point.cycleId === row.id),
    evaluations: evaluations.filter((point) => point.cycleId === row.id),
    usage: usage.filter((point) => point.cycleId === row.id),
  });
  const configDiff = diffConfigs(withMaskedWebhook(launchConfigOf(rowA.config)), withMaskedWebhook(launchConfigOf(rowB.config)));
  return { a: side(rowA), b: side(rowB), configDiff };
}

/** Cycle.config holds the engine's plan ({ version, config, datasets, ... }): compare the launch settings in it. */
function launchConfigOf(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "config" in value && "version" in value) return (value as { config: unknown }).config;
  return value;
}
