import type { BootstrapOptions } from "@/lib/aqa";
import { findRunWithCycles, type AqaMode } from "./aqa-repository";
import { DEFAULT_METRIC_BOOTSTRAP, type CycleMetrics } from "./cycle-metrics";
import { loadCycleFigures, metricsOf } from "./cycle-review";

export interface TrendPoint {
  cycleId: number;
  index: number;
  status: string;
  isFinal: boolean;
  metrics: CycleMetrics;
}

export interface RunTrend {
  run: { id: number; name: string; status: string };
  mode: AqaMode;
  /** Every cycle of the run in order; a cycle without AQA answers has dives = 0 and null metrics. */
  cycles: TrendPoint[];
}

/** The AQA metrics of each cycle of a run, to see how they move from cycle to cycle. */
export async function runTrend(
  runId: number,
  mode: AqaMode,
  bootstrap: BootstrapOptions = DEFAULT_METRIC_BOOTSTRAP,
): Promise<RunTrend | null> {
  const run = await findRunWithCycles(runId);
  if (run === null) return null;
  const cycles: TrendPoint[] = [];
  for (const cycle of run.cycles) {
    const figures = await loadCycleFigures(cycle.id, mode);
    cycles.push({
      cycleId: cycle.id,
      index: cycle.index,
      status: cycle.status,
      isFinal: cycle.isFinal,
      metrics: metricsOf(figures, bootstrap),
    });
  }
  return { run: { id: run.id, name: run.name, status: run.status }, mode, cycles };
}
