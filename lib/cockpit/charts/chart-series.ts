import type { CycleTrends } from "./trend-types";

/** Rows for a line chart: one per cycle (x), one numeric column per series; gaps are absent keys. */
export interface SeriesTable {
  rows: Record<string, string | number | null>[];
  series: string[];
}

const MODE_NAMES: Record<string, string> = { ANSWER: "answers", RATIONALIZATION: "rationalizations", EVALUATION: "evaluation" };

export function modeName(mode: string | null): string {
  return mode === null ? "all" : (MODE_NAMES[mode] ?? mode.toLowerCase());
}

/** Yield per dataset and mode across cycles: series "dataset · answers", values in [0, 1]. */
export function yieldTable(trends: CycleTrends): SeriesTable {
  const series = new Set<string>();
  const rows = trends.cycles.map((cycle) => {
    const row: Record<string, string | number | null> = { cycle: cycle.label, cycleId: cycle.id };
    for (const point of trends.yields.filter((entry) => entry.cycleId === cycle.id)) {
      const key = `${point.datasetName} · ${modeName(point.mode)}`;
      series.add(key);
      row[key] = point.rate;
    }
    return row;
  });
  return { rows, series: [...series].sort() };
}

/** Hallucination rate (all, and per mode) and verifier precision across cycles, from people's audits. */
export function auditTable(trends: CycleTrends): SeriesTable {
  const series = new Set<string>();
  const rows = trends.cycles.map((cycle) => {
    const row: Record<string, string | number | null> = { cycle: cycle.label, cycleId: cycle.id };
    for (const point of trends.audits.filter((entry) => entry.cycleId === cycle.id)) {
      if (point.hallucination.rate !== null) {
        const key = `hallucination · ${modeName(point.mode)}`;
        series.add(key);
        row[key] = point.hallucination.rate;
      }
      if (point.mode === null && point.precision.rate !== null) {
        series.add("verifier precision");
        row["verifier precision"] = point.precision.rate;
      }
    }
    return row;
  });
  return { rows, series: [...series].sort() };
}

/** Held-out accuracy per dataset across cycles. */
export function evaluationTable(trends: CycleTrends): SeriesTable {
  const series = new Set<string>();
  const rows = trends.cycles.map((cycle) => {
    const row: Record<string, string | number | null> = { cycle: cycle.label, cycleId: cycle.id };
    for (const point of trends.evaluations.filter((entry) => entry.cycleId === cycle.id)) {
      series.add(point.datasetName);
      row[point.datasetName] = point.accuracy;
    }
    return row;
  });
  return { rows, series: [...series].sort() };
}
