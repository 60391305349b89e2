import { register, type Registration } from "../registration";
import { handleExport } from "./export";
import { handleStageBatch } from "./stage-batch";
import { handleCycleTick } from "./tick";

/**
 * Handlers of the cycle engine's stages. Inference batches run a few at a time per
 * process: they share one client, whose own limit caps requests in flight per backend.
 */
export const cycleRegistrations: Registration[] = [
  register("cycleTick", handleCycleTick, 2),
  register("cycleGenerate", handleStageBatch, 4),
  register("cycleVerify", handleStageBatch, 2),
  register("cycleRationalize", handleStageBatch, 3),
  register("cycleCurate", handleStageBatch, 1),
  register("cycleExport", handleExport, 1),
  register("cycleTrain", handleStageBatch, 1),
  register("cycleEvaluate", handleStageBatch, 3),
];
