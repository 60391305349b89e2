import { formatPercent } from "@/lib/format/formatters";

/**
 * What a launch will cost before it runs: generations, tokens and time, from the configuration,
 * the questions the selection covers, and what recent cycles on the same backend measured.
 */
export interface EstimateDataset {
  name: string;
  /** Questions of the training splits the run will use (sample size applied). */
  questions: number;
  /** Held-out questions evaluated per cycle (0 when evaluation is off). */
  evaluationQuestions: number;
}

export interface EstimateSettings {
  samplesPerQuestion: number;
  maxTokens: number;
  maxCycles: number;
  rationalization: boolean;
  evaluation: boolean;
}

/** Measured on recent generations of the same backend (nulls: nothing measured yet). */
export interface BackendHistory {
  generations: number;
  answerYield: number | null;
  promptTokensPerGeneration: number | null;
  completionTokensPerGeneration: number | null;
  /** Generations per second while a generating stage ran (all workers and concurrency included). */
  generationsPerSecond: number | null;
  meanLatencyMs: number | null;
  /** The backend's concurrency limit, for a latency-based rate when no stage rate was measured. */
  maxConcurrency: number | null;
  /** Mean seconds of a finished training run on the training backend. */
  trainingSeconds: number | null;
}

export interface LaunchEstimate {
  datasets: EstimateDataset[];
  cycles: number;
  perCycle: { answers: number; rationalizationsExpected: number; rationalizationsMax: number; evaluations: number };
  generations: { expected: number; max: number };
  tokens: { prompt: number | null; completion: number | null; completionMax: number; basis: string };
  duration: {
    seconds: number | null;
    generationSeconds: number | null;
    trainingSeconds: number | null;
    generationsPerSecond: number | null;
    basis: string;
  };
  notes: string[];
}

/** When nothing was measured, rationalization counts use this answer yield for the expected figure. */
const ASSUMED_ANSWER_YIELD = 0.5;

export function estimateLaunch(datasets: EstimateDataset[], settings: EstimateSettings, history: BackendHistory): LaunchEstimate {
  const notes: string[] = [];
  const questions = sum(datasets.map((dataset) => dataset.questions));
  const answers = questions * settings.samplesPerQuestion;
  const evaluations = settings.evaluation ? sum(datasets.map((dataset) => dataset.evaluationQuestions)) : 0;
  // Rationalization runs in training cycles only: not in the final one.
  const rationalizingCycles = settings.rationalization ? Math.max(0, settings.maxCycles - 1) : 0;
  const answerYield = history.answerYield ?? ASSUMED_ANSWER_YIELD;
  if (settings.rationalization && history.answerYield === null)
    notes.push(`No answer yield measured yet on this backend; assumed ${formatPercent(ASSUMED_ANSWER_YIELD, 0)} for rationalizations.`);
  const rationalizationsMax = settings.rationalization ? questions : 0;
  const rationalizationsExpected = settings.rationalization ? Math.round(questions * (1 - answerYield)) : 0;

  const maxGenerations = settings.maxCycles * (answers + evaluations) + rationalizingCycles * rationalizationsMax;
  const expectedGenerations = settings.maxCycles * (answers + evaluations) + rationalizingCycles * rationalizationsExpected;
  if (settings.maxCycles > 1) notes.push(`Up to ${settings.maxCycles} cycles; the stop rule may end the run earlier.`);
  if (questions === 0) notes.push("The selection covers no questions: check the datasets and their splits.");

  const tokensKnown = history.promptTokensPerGeneration !== null && history.completionTokensPerGeneration !== null;
  const tokens = {
    prompt: history.promptTokensPerGeneration === null ? null : Math.round(expectedGenerations * history.promptTokensPerGeneration),
    completion:
      history.completionTokensPerGeneration === null ? null : Math.round(expectedGenerations * history.completionTokensPerGeneration),
    completionMax: maxGenerations * settings.maxTokens,
    basis: tokensKnown
      ? `mean tokens of the last ${history.generations} generations on this backend`
      : "no measurement yet on this backend: only the upper bound (max tokens per answer) is known",
  };

  const rate = generationRate(history);
  const generationSeconds = rate.perSecond === null ? null : expectedGenerations / rate.perSecond;
  const trainingCycles = settings.maxCycles;
  const trainingSeconds = history.trainingSeconds === null ? null : trainingCycles * history.trainingSeconds;
  if (history.trainingSeconds === null) notes.push("No finished training run on the training backend yet: training time is not included.");
  return {
    datasets,
    cycles: settings.maxCycles,
    perCycle: { answers, rationalizationsExpected, rationalizationsMax, evaluations },
    generations: { expected: expectedGenerations, max: maxGenerations },
    tokens,
    duration: {
      seconds: generationSeconds === null ? null : generationSeconds + (trainingSeconds ?? 0),
      generationSeconds,
      trainingSeconds,
      generationsPerSecond: rate.perSecond,
      basis: rate.basis,
    },
    notes,
  };
}

function generationRate(history: BackendHistory): { perSecond: number | null; basis: string } {
  if (history.generationsPerSecond !== null && history.generationsPerSecond > 0) {
    return {
      perSecond: history.generationsPerSecond,
      basis: `throughput measured over the last ${history.generations} generations on this backend`,
    };
  }
  if (history.meanLatencyMs !== null && history.meanLatencyMs > 0 && history.maxConcurrency !== null) {
    return {
      perSecond: (history.maxConcurrency * 1000) / history.meanLatencyMs,
      basis: `mean latency of the last ${history.generations} generations on this backend × its concurrency limit (no stage throughput measured yet)`,
    };
  }
  return { perSecond: null, basis: "no measurement yet: this backend has generated nothing" };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
