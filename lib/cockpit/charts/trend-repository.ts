import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { wilsonInterval } from "@/lib/review/stats/wilson";
import { cycleLabel } from "../cycles/cycle-list-repository";
import { AUDIT_SQL, EVALUATION_SQL, GIVEN_UP_SQL, USAGE_SQL, YIELD_SQL } from "./trend-sql";
import type { AuditPoint, ChartCycle, CycleTrends, EvaluationPoint, UsagePoint, YieldPoint } from "./trend-types";

/** The cycles a trend is drawn over: one run's, in order, or the most recent ones overall. */
async function chartCycles(options: { runId?: number; cycleIds?: number[]; limit?: number }): Promise<ChartCycle[]> {
  const rows = await prisma().cycle.findMany({
    where: options.cycleIds ? { id: { in: options.cycleIds } } : options.runId ? { runId: options.runId } : {},
    orderBy: { id: "desc" },
    take: options.limit ?? 30,
    select: {
      id: true,
      runId: true,
      index: true,
      status: true,
      run: { select: { name: true } },
      inputCheckpoint: { select: { simulated: true } },
    },
  });
  return rows.reverse().map(({ run, inputCheckpoint, ...cycle }) => ({
    ...cycle,
    runName: run.name,
    label: cycleLabel(run.name, cycle.index),
    simulated: inputCheckpoint.simulated,
  }));
}

export async function cycleTrends(options: { runId?: number; cycleIds?: number[]; limit?: number }): Promise<CycleTrends> {
  const cycles = await chartCycles(options);
  const ids = cycles.map((cycle) => cycle.id);
  const [yields, audits, evaluations] = await Promise.all([yieldPoints(ids), auditPoints(ids), evaluationPoints(ids)]);
  return { cycles, yields, audits, evaluations };
}

/** Yield per cycle, dataset and mode over the questions answered, with the questions given up beside it. */
export async function yieldPoints(cycleIds: number[]): Promise<YieldPoint[]> {
  if (cycleIds.length === 0) return [];
  const [{ rows }, { rows: givenUpRows }] = await Promise.all([
    pool().query<Omit<YieldPoint, "rate" | "givenUp">>(YIELD_SQL, [cycleIds]),
    pool().query<{ cycleId: number; datasetId: number; datasetName: string; mode: string; givenUp: number }>(GIVEN_UP_SQL, [cycleIds]),
  ]);
  const key = (row: { cycleId: number; datasetId: number; mode: string }) => `${row.cycleId}|${row.datasetId}|${row.mode}`;
  const givenUp = new Map(givenUpRows.map((row) => [key(row), row]));
  const points: YieldPoint[] = rows.map((row) => ({
    ...row,
    rate: row.questions > 0 ? row.passed / row.questions : null,
    givenUp: givenUp.get(key(row))?.givenUp ?? 0,
  }));
  const answered = new Set(rows.map(key));
  // A dataset and mode whose every question was given up still shows, with nothing answered.
  for (const row of givenUpRows) {
    if (!answered.has(key(row)) && row.mode !== "EVALUATION")
      points.push({ ...row, questions: 0, passed: 0, rate: null, simulated: false });
  }
  return points.sort((a, b) => a.cycleId - b.cycleId || a.datasetName.localeCompare(b.datasetName) || a.mode.localeCompare(b.mode));
}

interface AuditRow {
  cycleId: number;
  mode: string | null;
  judged: number;
  decided: number;
  hallucinated: number;
  passedJudged: number;
  passedPresent: number;
  failedJudged: number;
  failedPresent: number;
}

export async function auditPoints(cycleIds: number[]): Promise<AuditPoint[]> {
  if (cycleIds.length === 0) return [];
  const { rows } = await pool().query<AuditRow>(AUDIT_SQL, [cycleIds]);
  return rows.map((row) => ({
    cycleId: row.cycleId,
    mode: row.mode,
    judged: row.judged,
    hallucination: wilsonInterval(row.hallucinated, row.decided),
    precision: wilsonInterval(row.passedPresent, row.passedJudged),
    missRate: wilsonInterval(row.failedPresent, row.failedJudged),
  }));
}

export async function evaluationPoints(cycleIds: number[]): Promise<EvaluationPoint[]> {
  if (cycleIds.length === 0) return [];
  const { rows } = await pool().query<EvaluationPoint>(EVALUATION_SQL, [cycleIds]);
  return rows.map((row) => ({ ...row, accuracy: row.accuracy ?? (row.total > 0 ? row.correct / row.total : null) }));
}

export async function usagePoints(cycleIds: number[]): Promise<UsagePoint[]> {
  if (cycleIds.length === 0) return [];
  const { rows } = await pool().query<
    Omit<UsagePoint, "promptTokens" | "completionTokens" | "firstAt" | "lastAt"> & {
      promptTokens: string;
      completionTokens: string;
      firstAt: Date | null;
      lastAt: Date | null;
    }
  >(USAGE_SQL, [cycleIds]);
  return rows.map((row) => ({
    ...row,
    promptTokens: Number(row.promptTokens),
    completionTokens: Number(row.completionTokens),
    firstAt: row.firstAt?.toISOString() ?? null,
    lastAt: row.lastAt?.toISOString() ?? null,
  }));
}
