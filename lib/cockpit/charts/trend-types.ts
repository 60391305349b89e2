import type { Proportion } from "@/lib/review/stats/wilson";

export interface YieldPoint {
  cycleId: number;
  datasetId: number;
  datasetName: string;
  mode: string;
  /** Questions answered in this mode (at least one generation): the rate is over these. */
  questions: number;
  /** Of those, questions with a verified (passed) answer. */
  passed: number;
  rate: number | null;
  /** Questions the backend never answered in this mode (given up): beside the rate, not in it. */
  givenUp: number;
  /** Some answers came from a simulated backend. */
  simulated: boolean;
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
  /** Held-out questions answered: the accuracy is over these. */
  total: number;
  correct: number;
  accuracy: number | null;
  /** Held-out questions the backend never answered (given up). */
  givenUp: number;
  simulated: boolean;
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
  /** The cycle's model was served by a simulated backend. */
  simulated: boolean;
}

export interface CycleTrends {
  cycles: ChartCycle[];
  yields: YieldPoint[];
  audits: AuditPoint[];
  evaluations: EvaluationPoint[];
}
