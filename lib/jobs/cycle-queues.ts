import { z } from "zod";
import { defineQueue } from "./define-queue";

const batchPayload = z.object({ batchId: z.int().positive() });

/**
 * A stage batch job (a range of questions, or a stage's single job). The cycle engine re-sends a
 * batch whose worker stopped reporting, so neither pg-boss nor the workers' sweep retry these.
 */
function batchQueue(name: string, expireInSeconds: number) {
  return defineQueue({ name, payload: batchPayload, retryLimit: 0, retryDelaySeconds: 0, expireInSeconds, takeOver: "engine" });
}

/** Queues of the cycle engine (lib/cycles): one per stage, plus the per-cycle tick that moves it on. */
export const cycleQueues = {
  /** Looks at one cycle: dispatches batches, polls training, moves the state machine on. */
  cycleTick: defineQueue({
    name: "cycle-tick",
    payload: z.object({ cycleId: z.int().positive() }),
    retryLimit: 3,
    retryDelaySeconds: 2,
    expireInSeconds: 300,
  }),
  cycleGenerate: batchQueue("cycle-generate", 3600),
  cycleVerify: batchQueue("cycle-verify", 3600),
  cycleRationalize: batchQueue("cycle-rationalize", 3600),
  cycleCurate: batchQueue("cycle-curate", 1800),
  /** A stage batch (the training export) or an export requested on its own. */
  cycleExport: defineQueue({
    name: "cycle-export",
    payload: z.union([batchPayload, z.object({ exportId: z.int().positive() })]),
    retryLimit: 2,
    retryDelaySeconds: 5,
    expireInSeconds: 3600,
  }),
  cycleTrain: batchQueue("cycle-train", 600),
  cycleEvaluate: batchQueue("cycle-evaluate", 3600),
};
