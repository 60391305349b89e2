import { datasetSplits, demoDatasets } from "./db/catalog-repository";
import type { CycleConfigInput } from "./config";

const HELD_OUT = new Set(["test", "val", "validation"]);

/**
 * The demo launch: every demo dataset (its training split, or whatever is not held out), held-out
 * accuracy on its test/val split, zero-shot TempCompass and MSVD-QA through the simulated lmms-eval,
 * against the simulator backends `npm start` seeds.
 */
export async function demoCycleConfig(): Promise<CycleConfigInput> {
  const datasets = await demoDatasets();
  if (datasets.length === 0)
    throw new Error("there are no demo datasets: start the product once with `npm start` (demo mode) to create them");
  const selected: NonNullable<CycleConfigInput["datasets"]> = [];
  const heldOut = new Set<string>();
  for (const dataset of datasets) {
    const splits = (await datasetSplits(dataset.id)).map((s) => s.split).filter((s): s is string => s !== null);
    for (const split of splits) if (HELD_OUT.has(split)) heldOut.add(split);
    const training = splits.includes("train") ? ["train"] : splits.filter((s) => !HELD_OUT.has(s));
    if (training.length > 0) selected.push({ dataset: dataset.id, sampleSize: null, splits: training });
  }
  if (selected.length === 0) throw new Error("the demo datasets have no training questions");
  return {
    name: "Demo run (simulator)",
    datasets: selected,
    evaluation: { enabled: heldOut.size > 0, sampleSize: 100, splits: heldOut.size > 0 ? [...heldOut] : ["test"] },
    backends: { inference: "simulator", training: "simulator-ray", embeddings: "simulator-embeddings" },
    stopRule: { maxCycles: 2, minYieldGain: 0.01 },
    // Zero-shot benchmarks of the base model and both cycles on the simulated cluster (simulated lmms-eval).
    benchmarks: { enabled: true, tasks: ["tempcompass", "msvd_qa"], limit: 50, judge: "simulator" },
    execution: { batchSize: 50, tickSeconds: 1 },
  };
}
