import { paperReferenceFor, type PaperReference } from "./paper-references";

/** One stored figure: a task's primary metric for the base model (cycleIndex 0) or a cycle. */
export interface BenchmarkFigure {
  cycleIndex: number;
  task: string;
  metric: string;
  filter: string;
  value: number;
  stderr: number | null;
  samples: number | null;
  simulated: boolean;
}

interface BenchmarkComparisonRow extends BenchmarkFigure {
  /** value on the 0–100 scale the paper reports in (fractions are multiplied by 100). */
  points: number;
  /** Standard error in points: lmms-eval's, else the binomial one for accuracies, else null. */
  stderrPoints: number | null;
  stderrSource: "lmms-eval" | "binomial" | null;
  /**
   * Change from the base model in points, with a 95% interval; null for the base row. `paired`:
   * from the per-document differences of the logged samples (same documents for both models);
   * `independent`: from the two standard errors.
   */
  change: { points: number; low: number | null; high: number | null; method: "paired" | "independent" | null } | null;
}

export interface BenchmarkTaskComparison {
  task: string;
  metric: string;
  filter: string;
  /** Fraction metrics (every value within [0, 1]) are shown ×100. */
  scale: "fraction" | "as-reported";
  rows: BenchmarkComparisonRow[];
  reference: PaperReference | null;
  simulated: boolean;
}

const Z95 = 1.959964;

/**
 * Per task: the base row and every cycle's, each with its change from the base and a 95%
 * interval from the two standard errors (treated as independent, which overstates the width for
 * the same documents), beside the paper's published gain.
 */
export function compareBenchmarks(
  figures: BenchmarkFigure[],
  /** Standard errors of the paired difference from the base, in metric units, by `${task}:${cycleIndex}`. */
  paired: Map<string, number> = new Map(),
): BenchmarkTaskComparison[] {
  const byTask = new Map<string, BenchmarkFigure[]>();
  for (const figure of figures) byTask.set(figure.task, [...(byTask.get(figure.task) ?? []), figure]);
  return [...byTask.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([task, rows]) => {
      const sorted = [...rows].sort((a, b) => a.cycleIndex - b.cycleIndex);
      const fraction = sorted.every((r) => r.value >= 0 && r.value <= 1 && (r.stderr ?? 0) <= 1);
      const factor = fraction ? 100 : 1;
      const withPoints = sorted.map((r) => {
        const { stderrPoints, stderrSource } = standardError(r, fraction);
        return { ...r, points: r.value * factor, stderrPoints, stderrSource };
      });
      const base = withPoints.find((r) => r.cycleIndex === 0) ?? null;
      const first = sorted[0];
      return {
        task,
        metric: first?.metric ?? "",
        filter: first?.filter ?? "",
        scale: fraction ? "fraction" : "as-reported",
        reference: paperReferenceFor(task),
        simulated: sorted.some((r) => r.simulated),
        rows: withPoints.map((r) => ({
          ...r,
          change: base && r.cycleIndex !== 0 ? changeFrom(base, r, pairedPoints(paired.get(`${task}:${r.cycleIndex}`), factor)) : null,
        })),
      } satisfies BenchmarkTaskComparison;
    });
}

function standardError(
  row: BenchmarkFigure,
  fraction: boolean,
): { stderrPoints: number | null; stderrSource: BenchmarkComparisonRow["stderrSource"] } {
  const factor = fraction ? 100 : 1;
  if (row.stderr !== null) return { stderrPoints: row.stderr * factor, stderrSource: "lmms-eval" };
  // An accuracy is a mean of 0/1 outcomes: sqrt(p(1-p)/n) when lmms-eval wrote "N/A".
  const p = fraction ? row.value : row.value / 100;
  if (row.samples && row.samples > 0 && /acc|exact_match|correct/i.test(row.metric) && p >= 0 && p <= 1) {
    return { stderrPoints: Math.sqrt((p * (1 - p)) / row.samples) * 100, stderrSource: "binomial" };
  }
  return { stderrPoints: null, stderrSource: null };
}

function pairedPoints(se: number | undefined, factor: number): number | null {
  return se === undefined ? null : se * factor;
}

function changeFrom(
  base: { points: number; stderrPoints: number | null },
  row: { points: number; stderrPoints: number | null },
  pairedSe: number | null,
): BenchmarkComparisonRow["change"] {
  const points = row.points - base.points;
  if (pairedSe !== null) return { points, low: points - Z95 * pairedSe, high: points + Z95 * pairedSe, method: "paired" };
  if (base.stderrPoints === null || row.stderrPoints === null) return { points, low: null, high: null, method: null };
  const se = Math.sqrt(base.stderrPoints ** 2 + row.stderrPoints ** 2);
  return { points, low: points - Z95 * se, high: points + Z95 * se, method: "independent" };
}
