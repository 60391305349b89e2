import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { wilsonInterval } from "@/lib/review/stats/wilson";
import { cycleLabel } from "../cycles/cycle-list-repository";
import { AUDIT_SQL, EVALUATION_SQL, USAGE_SQL, YIELD_SQL } from "./trend-sql";
import type { AuditPoint, ChartCycle, CycleTrends, EvaluationPoint, UsagePoint, YieldPoint } from "./trend-types";

/** The cycles a trend is drawn over: one run's, in order, or the most recent ones overall. */
async function chartCycles(options: { runId?: number; cycleIds?: number[]; limit?: number }): Promise<ChartCycle[]> {
  const rows = await prisma().cycle.findMany({
    where: options.cycleIds ? { id: { in: options.cycleIds } } : options.runId ? { runId: options.runId } : {},
    orderBy: { id: "desc" },
    take: options.limit ?? 30,
    select: { id: true, runId: true, index: true, status: true, run: { select: { name: true } } },
  });
  return rows.reverse().map(({ run, ...cycle }) => ({ ...cycle, runName: run.name, label: cycleLabel(run.name, cycle.index) }));
}

export async function cycleTrends(options: { runId?: number; cycleIds?: number[]; limit?: number }): Promise<CycleTrends> {
  const cycles = await chartCycles(options);
  const ids = cycles.map((cycle) => cycle.id);
  const [yields, audits, evaluations] = await Promise.all([yieldPoints(ids), auditPoints(ids), evaluationPoints(ids)]);
  return { cycles, yields, audits, evaluations };
}

export async function yieldPoints(cycleIds: number[]): Promise<YieldPoint[]> {
  if (cycleIds.length === 0) return [];
  const { rows } = await pool().query<Omit<YieldPoint, "rate">>(YIELD_SQL, [cycleIds]);
  return rows.map((row) => ({ ...row, rate: row.questions > 0 ? row.passed / row.questions : null }));
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
