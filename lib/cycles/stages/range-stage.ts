import type { Checkpoint } from "@/lib/backends";
import { VERIFIER_VERSION } from "@/lib/verifier";
import { verifierConfigOf } from "../config";
import type { ClaimedBatch } from "../db/batch-repository";
import type { CycleState } from "../db/cycle-repository";
import { modeOfStage } from "../db/generation-store";
import { pendingGenerationItems, rangeOutcome, unverifiedGenerations, type GenerationWork, type RangeOutcome } from "../db/work-items";
import type { BatchRun } from "../engine/batch-context";
import { embeddingsClientFor, inferenceClientFor } from "../engine/clients";
import { videoUrlResolver } from "../engine/video-url";
import { selectionOf, type CyclePlan } from "../plan";
import { generateItems } from "./generate-items";
import { verifierBackendsOf, type VerifierBackends } from "./judge";
import { verifyItems } from "./verify-items";

/**
 * One batch of a per-question stage. GENERATE writes direct answers; VERIFY judges them;
 * RATIONALIZE asks for a rationale where no direct answer passed and judges it; EVALUATE answers
 * held-out questions with the cycle's new model and judges those. Only what is missing is done.
 */
export async function runRangeStage(run: BatchRun, cycle: CycleState, plan: CyclePlan): Promise<RangeOutcome> {
  const batch = run.batch;
  const { range, work } = workOf(batch, cycle, plan);
  const config = plan.config;
  const before = await rangeOutcome(work, VERIFIER_VERSION);
  if (before.remaining === 0) return before;
  const backends = await verifierBackendsFor(plan, run.signal);
  if (batch.stage !== "VERIFY") {
    const items = await pendingGenerationItems(work);
    if (items.length > 0) {
      const { client, simulated } = await inferenceClientFor(plan.inferenceBackendId);
      const checkpoint = checkpointFor(batch, cycle);
      await generateItems({
        run,
        cycleId: cycle.id,
        stage: batch.stage,
        mode: work.mode,
        items,
        config,
        client,
        simulated,
        checkpoint,
        videoUrl: videoUrlResolver(),
        verifier: verifierConfigOf(config),
        ...(backends === undefined ? {} : { backends }),
        doneBefore: before.done,
      });
    }
  }
  // Answers are judged as they are written; this catches up on any written without a verdict.
  if (batch.stage !== "GENERATE" && !run.stopped) {
    const unverified = await unverifiedGenerations({
      cycleId: cycle.id,
      stage: batch.stage,
      mode: work.mode,
      range,
      verifierVersion: VERIFIER_VERSION,
      maxItemAttempts: config.execution.maxItemAttempts,
    });
    await verifyItems({
      run,
      cycleId: cycle.id,
      stage: batch.stage,
      mode: work.mode,
      items: unverified,
      verifier: verifierConfigOf(config),
      ...(backends === undefined ? {} : { backends }),
      maxItemAttempts: config.execution.maxItemAttempts,
      doneBefore: before.done,
    });
  }
  return rangeOutcome(work, VERIFIER_VERSION);
}

/** The run's embeddings backend as the verifier uses it, when the run names one. */
async function verifierBackendsFor(plan: CyclePlan, signal: AbortSignal): Promise<VerifierBackends | undefined> {
  if (plan.embeddingsBackendId === undefined) return undefined;
  const { client, simulated } = await embeddingsClientFor(plan.embeddingsBackendId);
  return verifierBackendsOf(client, simulated, signal);
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
