import type { Checkpoint } from "@/lib/backends";
import { VERIFIER_VERSION } from "@/lib/verifier";
import { verifierConfigOf } from "../config";
import type { ClaimedBatch } from "../db/batch-repository";
import type { CycleState } from "../db/cycle-repository";
import { modeOfStage } from "../db/generation-store";
import { givenUpInRange, rowsInRange } from "../db/range-counts";
import { pendingGenerationItems, unverifiedGenerations, type GenerationWork } from "../db/work-items";
import type { BatchRun } from "../engine/batch-context";
import { inferenceClientFor } from "../engine/clients";
import { videoUrl } from "../engine/video-url";
import { selectionOf, type CyclePlan } from "../plan";
import { generateItems } from "./generate-items";
import { verifyItems } from "./verify-items";

export interface RangeOutcome {
  /** Items still to do (neither written nor given up). */
  remaining: number;
  done: number;
  givenUp: number;
}

/**
 * One batch of a per-question stage. GENERATE writes direct answers; VERIFY judges them;
 * RATIONALIZE asks for a rationale where no direct answer passed and judges it; EVALUATE answers
 * held-out questions with the cycle's new model and judges those. Only what is missing is done.
 */
export async function runRangeStage(run: BatchRun, cycle: CycleState, plan: CyclePlan): Promise<RangeOutcome> {
  const batch = run.batch;
  const { range, work } = workOf(batch, cycle, plan);
  const config = plan.config;
  const verifier = verifierConfigOf(config);
  const generates = batch.stage !== "VERIFY";
  if (generates) {
    const items = await pendingGenerationItems(work);
    if (items.length > 0) {
      const { client, simulated } = await inferenceClientFor(plan.inferenceBackendId);
      const doneBefore = await rowsInRange(cycle.id, batch.stage, range, VERIFIER_VERSION);
      await generateItems({ run, cycleId: cycle.id, stage: batch.stage, mode: work.mode, items, config, client, simulated, checkpoint: checkpointFor(batch, cycle), videoUrl, doneBefore });
    }
  }
  if (batch.stage !== "GENERATE" && !run.stopped) {
    const unverified = await unverifiedGenerations({ cycleId: cycle.id, stage: batch.stage, mode: work.mode, range, verifierVersion: VERIFIER_VERSION, maxItemAttempts: config.execution.maxItemAttempts });
    const doneBefore = await rowsInRange(cycle.id, batch.stage, range, VERIFIER_VERSION);
    await verifyItems({ run, cycleId: cycle.id, stage: batch.stage, mode: work.mode, items: unverified, verifier, maxItemAttempts: config.execution.maxItemAttempts, doneBefore });
  }
  const remainingGenerations = generates ? (await pendingGenerationItems(work)).length : 0;
  const remainingVerdicts =
    batch.stage === "GENERATE"
      ? 0
      : (await unverifiedGenerations({ cycleId: cycle.id, stage: batch.stage, mode: work.mode, range, verifierVersion: VERIFIER_VERSION, maxItemAttempts: config.execution.maxItemAttempts })).length;
  return {
    remaining: remainingGenerations + remainingVerdicts,
    done: await rowsInRange(cycle.id, batch.stage, range, VERIFIER_VERSION),
    givenUp: await givenUpInRange(cycle.id, batch.stage, range, config.execution.maxItemAttempts),
  };
}

function workOf(batch: ClaimedBatch, cycle: CycleState, plan: CyclePlan): { range: [number, number]; work: GenerationWork } {
  const { datasetId, questionIds } = batch.scope;
  if (datasetId === undefined || questionIds === undefined) throw new Error(`batch ${batch.id} (${batch.stage}) has no question range`);
  const selection = selectionOf(plan, datasetId, batch.scope.selection ?? (batch.stage === "EVALUATE" ? "evaluation" : "train"));
  const work: GenerationWork = {
    cycleId: cycle.id,
    stage: batch.stage,
    mode: modeOfStage(batch.stage),
    selection,
    range: questionIds,
    samples: batch.stage === "GENERATE" || batch.stage === "VERIFY" ? plan.config.sampling.samplesPerQuestion : 1,
    maxItemAttempts: plan.config.execution.maxItemAttempts,
  };
  if (batch.stage === "RATIONALIZE") work.onlyWithoutPassingAnswer = VERIFIER_VERSION;
  return { range: questionIds, work };
}

/** Generation uses the cycle's input model; evaluation the model this cycle trained. */
function checkpointFor(batch: ClaimedBatch, cycle: CycleState): Checkpoint {
  const checkpoint = batch.stage === "EVALUATE" ? cycle.outputCheckpoint : cycle.inputCheckpoint;
  if (!checkpoint) throw new Error(`cycle ${cycle.id} has no trained checkpoint to evaluate`);
  if (checkpoint.kind === "BASE") return { kind: "base" };
  if (!checkpoint.adapterPath) throw new Error(`checkpoint ${checkpoint.servedName} has no adapter path`);
  return { kind: "lora", name: checkpoint.servedName, path: checkpoint.adapterPath };
}
