import type { Proportion } from "@/lib/review/stats/wilson";

export interface YieldPoint {
  cycleId: number;
  datasetId: number;
  datasetName: string;
  mode: string;
  /** Questions attempted in this mode. */
  questions: number;
  /** Of those, questions with a verified (passed) answer. */
  passed: number;
  rate: number | null;
}

export interface AuditPoint {
  cycleId: number;
  /** null: every mode together. */
  mode: string | null;
  judged: number;
  /** Share of answers people call hallucinated (consensus), with a 95 % Wilson interval. */
  hallucination: Proportion;
  /** Among answers the verifier passed: share whose label people found really present. */
  precision: Proportion;
  /** Among answers the verifier failed: share whose label people found present anyway. */
  missRate: Proportion;
}

export interface EvaluationPoint {
  cycleId: number;
  datasetId: number;
  datasetName: string;
  total: number;
  correct: number;
  accuracy: number | null;
}

export interface UsagePoint {
  cycleId: number;
  mode: string;
  generations: number;
  promptTokens: number;
  completionTokens: number;
  meanLatencyMs: number | null;
  firstAt: string | null;
  lastAt: string | null;
}

export interface ChartCycle {
  id: number;
  runId: number;
  runName: string;
  index: number;
  status: string;
  label: string;
}

export interface CycleTrends {
  cycles: ChartCycle[];
  yields: YieldPoint[];
  audits: AuditPoint[];
  evaluations: EvaluationPoint[];
}
