import { z } from "zod";
import { idParams } from "@/lib/http/schemas";
import { AQA_MODES } from "./aqa-modes";

export const CycleParams = idParams("cycleId");
export const RunParams = idParams("runId");
export const GenerationParams = idParams("generationId");

/** Which generations to review: direct answers (default) or held-out evaluation answers. */
export const ModeQuery = z.object({ mode: z.enum(AQA_MODES).default("ANSWER") });
