import { z } from "zod";
import { AQA_MODES } from "./aqa-modes";

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const CycleParams = z.object({ cycleId: id });
export const RunParams = z.object({ runId: id });
export const GenerationParams = z.object({ generationId: id });

/** Which generations to review: direct answers (default) or held-out evaluation answers. */
export const ModeQuery = z.object({ mode: z.enum(AQA_MODES).default("ANSWER") });
