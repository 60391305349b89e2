import { z } from "zod";
import { targetSchema, type Target } from "@/lib/verifier/label-schemas";

/** The simulator receives targets in the verifier's shapes, in a request's `x_simulation.targets`. */
export { targetSchema, type Target };
export type TargetOf<K extends Target["labelType"]> = Extract<Target, { labelType: K }>;

const generationModes = ["answer", "rationalization"] as const;
export type GenerationMode = (typeof generationModes)[number];

/** The request extension field the simulator reads: what the answer is "about". */
export const simulationRequestSchema = z.object({
  videoId: z.string().min(1),
  targets: z.array(targetSchema).default([]),
  mode: z.enum(generationModes).default("answer"),
  questionKind: z.string().default(""),
});
