import { VERIFIER_VERSION } from "@/lib/verifier";
import type { NewBatch } from "../db/batch-repository";
import { selectedQuestionRanges } from "../db/selection-repository";
import { generationKeysInRange, verdictGenerationIds } from "../db/range-rows";
import { countWithoutPassingAnswer } from "../db/work-items";
import type { CyclePlan } from "../plan";
import type { Stage } from "../state-machine";

/**
 * A per-question stage's batches: ranges of the training sample (evaluation: of the held-out
 * sample), each with the number of items it must produce. A VERIFY range whose answers were all
 * judged as they were generated is created settled: no job needs to run for it (the stage's
 * completion still counts the verdicts, and reopens it if any were missing).
 */
export async function planRangeBatches(cycleId: number, plan: CyclePlan, stage: Stage): Promise<NewBatch[]> {
  const size = plan.config.execution.batchSize;
  const batches: NewBatch[] = [];
  for (const dataset of plan.datasets) {
    const evaluation = stage === "EVALUATE";
    const selection = evaluation ? dataset.evaluation : dataset.train;
    if (!selection || selection.count === 0) continue;
    for (const { range, count } of await selectedQuestionRanges(selection, size)) {
      const scope = {
        datasetId: dataset.datasetId,
        questionIds: range,
        selection: evaluation ? ("evaluation" as const) : ("train" as const),
      };
      if (stage === "VERIFY") {
        const { generations, verified } = await verificationOf(cycleId, range);
        if (generations > 0) batches.push({ scope, itemCount: generations, ...(verified === generations ? { settled: true } : {}) });
        continue;
      }
      let itemCount = count;
      if (stage === "GENERATE") itemCount = count * plan.config.sampling.samplesPerQuestion;
      if (stage === "RATIONALIZE") itemCount = await countWithoutPassingAnswer(cycleId, selection, range, VERIFIER_VERSION);
      if (itemCount > 0) batches.push({ scope, itemCount });
    }
  }
  return batches;
}

/** Direct answers in a range, and how many of them have a verdict of the current verifier. */
async function verificationOf(cycleId: number, range: [number, number]): Promise<{ generations: number; verified: number }> {
  const generations = await generationKeysInRange(cycleId, "ANSWER", range);
  const verified = await verdictGenerationIds(
    generations.map((g) => g.id),
    VERIFIER_VERSION,
  );
  return { generations: generations.length, verified: verified.size };
}
