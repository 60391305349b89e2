import type { ChartCycle, CycleTrends } from "./trend-types";

/** One value of a series at one cycle, with what it is computed over. */
interface SeriesPoint {
  value: number | null;
  /** What the share is over (answered questions, judged answers, ...). */
  n: number;
  /** Items the backend gave up on, shown beside n (never counted in it). */
  givenUp?: number;
}

/** One line: a run's values of one metric. A line never spans two runs. */
interface Series {
  key: string;
  runId: number;
}

/**
 * Rows for a line chart: one per cycle (x, by cycle id, labelled by `cycle`), one column per series.
 * A series has a value only on its own run's cycles; a missing value is null, drawn as a gap.
 */
export interface SeriesTable {
  rows: Record<string, string | number | boolean | null>[];
  series: Series[];
  /** Per cycle id and series key: the point's n and given-up count (for tooltips and uncertain points). */
  points: Record<number, Record<string, SeriesPoint>>;
  /** Labels of the cycles whose answers came from a simulated backend. */
  simulated: string[];
}

const MODE_NAMES: Record<string, string> = { ANSWER: "answers", RATIONALIZATION: "rationalizations", EVALUATION: "evaluation" };

export function modeName(mode: string | null): string {
  return mode === null ? "all" : (MODE_NAMES[mode] ?? mode.toLowerCase());
}

/** Builds a table from the points of each cycle; series names carry the run when the cycles span several. */
function buildTable(trends: CycleTrends, pointsOf: (cycle: ChartCycle) => { name: string; point: SeriesPoint }[]): SeriesTable {
  const multipleRuns = new Set(trends.cycles.map((cycle) => cycle.runId)).size > 1;
  const series = new Map<string, Series>();
  const points: SeriesTable["points"] = {};
  const cycles = orderedCycles(trends.cycles);
  const perCycle = cycles.map((cycle) => ({ cycle, entries: pointsOf(cycle) }));
  for (const { cycle, entries } of perCycle) {
    for (const { name } of entries) {
      const key = multipleRuns ? `${cycle.runName} (run ${cycle.runId}) · ${name}` : name;
      series.set(key, { key, runId: cycle.runId });
    }
  }
  const rows = perCycle.map(({ cycle, entries }) => {
    const row: Record<string, string | number | boolean | null> = { cycle: cycle.label, cycleId: cycle.id, simulated: cycle.simulated };
    for (const line of series.values()) if (line.runId === cycle.runId) row[line.key] = null;
    const cyclePoints: Record<string, SeriesPoint> = {};
    for (const { name, point } of entries) {
      const key = multipleRuns ? `${cycle.runName} (run ${cycle.runId}) · ${name}` : name;
      row[key] = point.value;
      cyclePoints[key] = point;
    }
    points[cycle.id] = cyclePoints;
    return row;
  });
  return {
    rows,
    series: [...series.values()].sort((a, b) => a.runId - b.runId || a.key.localeCompare(b.key)),
    points,
    simulated: cycles.filter((cycle) => cycle.simulated).map((cycle) => cycle.label),
  };
}

/** A run's cycles side by side, in order: one run's line is never broken by another run's cycles. */
function orderedCycles(cycles: readonly ChartCycle[]): ChartCycle[] {
  const firstId = new Map<number, number>();
  for (const cycle of cycles) firstId.set(cycle.runId, Math.min(firstId.get(cycle.runId) ?? cycle.id, cycle.id));
  return [...cycles].sort((a, b) => (firstId.get(a.runId) ?? 0) - (firstId.get(b.runId) ?? 0) || a.index - b.index);
}

/** Yield per dataset and mode across cycles, over the questions answered (given-up ones beside). */
export function yieldTable(trends: CycleTrends): SeriesTable {
  return buildTable(trends, (cycle) =>
    trends.yields
      .filter((entry) => entry.cycleId === cycle.id)
      .map((point) => ({
        name: `${point.datasetName} · ${modeName(point.mode)}`,
        point: { value: point.rate, n: point.questions, givenUp: point.givenUp },
      })),
  );
}

/** Hallucination rate (all, and per mode) and verifier precision across cycles, from people's audits. */
export function auditTable(trends: CycleTrends): SeriesTable {
  return buildTable(trends, (cycle) =>
    trends.audits
      .filter((entry) => entry.cycleId === cycle.id)
      .flatMap((point) => [
        ...(point.hallucination.rate !== null
          ? [{ name: `hallucination · ${modeName(point.mode)}`, point: { value: point.hallucination.rate, n: point.hallucination.n } }]
          : []),
        ...(point.mode === null && point.precision.rate !== null
          ? [{ name: "verifier precision", point: { value: point.precision.rate, n: point.precision.n } }]
          : []),
      ]),
  );
}

/** Held-out accuracy per dataset across cycles, over the held-out questions answered. */
export function evaluationTable(trends: CycleTrends): SeriesTable {
  return buildTable(trends, (cycle) =>
    trends.evaluations
      .filter((entry) => entry.cycleId === cycle.id)
      .map((point) => ({ name: point.datasetName, point: { value: point.accuracy, n: point.total, givenUp: point.givenUp } })),
  );
}
