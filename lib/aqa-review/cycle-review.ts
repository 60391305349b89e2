import { buildDifficultyTable, type BootstrapOptions, type DifficultyTable } from "@/lib/aqa";
import { analyseAnswer } from "./answer-analysis";
import {
  aqaDatasetIds,
  aqaFingerprint,
  countAqaGenerations,
  diveDifficultyRecords,
  eachAqaGeneration,
  findCycleHeader,
  type AqaMode,
  type CycleHeaderRow,
} from "./aqa-repository";
import { cycleMetrics, DEFAULT_METRIC_BOOTSTRAP, type CycleMetrics } from "./cycle-metrics";
import { diveFigures, type DiveFigures } from "./dive-figures";
import { FingerprintCache } from "./figures-cache";
import { generationRecord, type ReviewProblem } from "./generation-records";
import { signOffAgreement, type SignOffAgreement } from "./sign-off-agreement";
import { listCycleSignOffs } from "./sign-off-repository";
import { signOffView } from "./sign-off-view";

export interface CycleHeader {
  id: number;
  index: number;
  status: string;
  isFinal: boolean;
  startedAt: string | null;
  finishedAt: string | null;
  run: { id: number; name: string };
  /** AQA generations per mode, so a page can offer the modes that have any. */
  aqaGenerations: Record<AqaMode, number>;
}

export interface CycleFigures {
  figures: DiveFigures[];
  problems: ReviewProblem[];
}

export async function difficultyTableFor(datasetIds: readonly number[]): Promise<DifficultyTable> {
  return buildDifficultyTable(await diveDifficultyRecords(datasetIds));
}

const figuresCache = new FingerprintCache<CycleFigures>();
const metricsMemo = new WeakMap<CycleFigures, Map<string, CycleMetrics>>();

/** Every AQA generation of the cycle as dive figures, in generation id order (cached, see figures-cache). */
export async function loadCycleFigures(cycleId: number, mode: AqaMode): Promise<CycleFigures> {
  const fingerprint = await aqaFingerprint(cycleId, mode);
  return figuresCache.get(`${cycleId}:${mode}`, fingerprint, () => computeCycleFigures(cycleId, mode));
}

/** The cycle's metrics, computed once per figures and bootstrap settings. */
export function metricsOf(cycle: CycleFigures, bootstrap: BootstrapOptions = DEFAULT_METRIC_BOOTSTRAP): CycleMetrics {
  const key = JSON.stringify([bootstrap.resamples, bootstrap.seed, bootstrap.confidence]);
  const known = metricsMemo.get(cycle) ?? new Map<string, CycleMetrics>();
  metricsMemo.set(cycle, known);
  const cached = known.get(key);
  if (cached) return cached;
  const metrics = cycleMetrics(cycle.figures, bootstrap);
  known.set(key, metrics);
  return metrics;
}

async function computeCycleFigures(cycleId: number, mode: AqaMode): Promise<CycleFigures> {
  const table = await difficultyTableFor(await aqaDatasetIds(cycleId, mode));
  const figures: DiveFigures[] = [];
  const problems: ReviewProblem[] = [];
  for await (const row of eachAqaGeneration(cycleId, mode)) {
    const result = generationRecord(row);
    if (!result.ok) problems.push(result.problem);
    else figures.push(diveFigures(result.record, analyseAnswer(result.record.text), table));
  }
  return { figures, problems };
}

export async function cycleHeader(cycleId: number): Promise<CycleHeader | null> {
  const row = await findCycleHeader(cycleId);
  return row === null ? null : headerView(row, await countAqaGenerations(cycleId));
}

function headerView(row: CycleHeaderRow, aqaGenerations: Record<AqaMode, number>): CycleHeader {
  return {
    id: row.id,
    index: row.index,
    status: row.status,
    isFinal: row.isFinal,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    run: row.run,
    aqaGenerations,
  };
}

/** A point of the predicted-against-true scatter: one dive whose answer states a score. */
export interface ScorePoint {
  generationId: number;
  videoKey: string;
  diveNumber: string;
  trueScore: number;
  predictedScore: number;
  flagged: boolean;
  /** Answered by a simulated backend. */
  simulated: boolean;
}

export interface CycleDashboard {
  cycle: CycleHeader;
  mode: AqaMode;
  metrics: CycleMetrics;
  points: ScorePoint[];
  /** Answers that state no final score (not on the scatter). */
  unscored: number;
  /** How far the people who signed these explanations off agree (decision κ/α, quality-score ICC). */
  signOffAgreement: SignOffAgreement;
  problems: ReviewProblem[];
}

export async function cycleDashboard(
  cycleId: number,
  mode: AqaMode,
  bootstrap: BootstrapOptions = DEFAULT_METRIC_BOOTSTRAP,
): Promise<CycleDashboard | null> {
  const cycle = await cycleHeader(cycleId);
  if (cycle === null) return null;
  const [loaded, signOffs] = await Promise.all([loadCycleFigures(cycleId, mode), listCycleSignOffs(cycleId)]);
  const { figures, problems } = loaded;
  const points = figures.flatMap((f) =>
    f.predictedScore === null
      ? []
      : [
          {
            generationId: f.generationId,
            videoKey: f.videoKey,
            diveNumber: f.diveNumber,
            trueScore: f.trueScore,
            predictedScore: f.predictedScore,
            flagged: f.arithmeticFlags.length > 0,
            simulated: f.simulated,
          },
        ],
  );
  return {
    cycle,
    mode,
    metrics: metricsOf(loaded, bootstrap),
    points,
    unscored: figures.length - points.length,
    signOffAgreement: signOffAgreement(signOffs.map(signOffView), new Set(figures.map((f) => f.generationId))),
    problems,
  };
}
