import { z } from "zod";

/**
 * The shared label contract: what an answer must contain. Mirrors the table every engineer uses;
 * the backends need it only to carry targets to the simulator.
 */
const seconds = z.number().finite().min(0);
const unit = z.number().min(0).max(1);

export const targetSchema = z.discriminatedUnion("labelType", [
  z.object({ labelType: z.literal("class"), label: z.string().min(1) }),
  z.object({ labelType: z.literal("float"), label: z.object({ value: z.number().finite(), name: z.string().min(1) }) }),
  z.object({ labelType: z.literal("bbox"), label: z.object({ box: z.tuple([unit, unit, unit, unit]) }) }),
  z.object({ labelType: z.literal("interval"), label: z.object({ start: seconds, end: seconds }) }),
  z.object({ labelType: z.literal("timestamp"), label: z.object({ time: seconds }) }),
  z.object({ labelType: z.literal("sequence"), label: z.object({ actions: z.array(z.string().min(1)).min(1) }) }),
  z.object({ labelType: z.literal("caption"), label: z.string().min(1) }),
  z.object({ labelType: z.literal("same"), label: z.object({ same: z.boolean() }) }),
]);

export type Target = z.infer<typeof targetSchema>;
export type LabelType = Target["labelType"];
