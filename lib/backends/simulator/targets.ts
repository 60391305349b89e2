import { z } from "zod";

/**
 * The shared label contract (docs: common conventions, "Shared domain contract"), as the
 * simulator receives it in a request's `x_simulation.targets`.
 */
const unitNumber = z.number().min(0).max(1);

export const targetSchema = z.discriminatedUnion("labelType", [
  z.object({ labelType: z.literal("class"), label: z.string().min(1) }),
  z.object({
    labelType: z.literal("float"),
    label: z.object({ value: z.number().finite(), name: z.string().min(1).default("score") }),
  }),
  z.object({
    labelType: z.literal("bbox"),
    label: z.object({ box: z.tuple([unitNumber, unitNumber, unitNumber, unitNumber]) }),
  }),
  z.object({
    labelType: z.literal("interval"),
    label: z
      .object({ start: z.number().min(0), end: z.number().min(0) })
      .refine((l) => l.end >= l.start, { message: "end must not be before start" }),
  }),
  z.object({ labelType: z.literal("timestamp"), label: z.object({ time: z.number().min(0) }) }),
  z.object({
    labelType: z.literal("sequence"),
    label: z.object({ actions: z.array(z.string().min(1)).min(1) }),
  }),
  z.object({ labelType: z.literal("caption"), label: z.string().min(1) }),
  z.object({ labelType: z.literal("same"), label: z.object({ same: z.boolean() }) }),
]);

export type Target = z.infer<typeof targetSchema>;
export type TargetOf<K extends Target["labelType"]> = Extract<Target, { labelType: K }>;

export const generationModes = ["answer", "rationalization"] as const;
export type GenerationMode = (typeof generationModes)[number];

/** The request extension field the simulator reads: what the answer is "about". */
export const simulationRequestSchema = z.object({
  videoId: z.string().min(1),
  targets: z.array(targetSchema).default([]),
  mode: z.enum(generationModes).default("answer"),
  questionKind: z.string().default(""),
});

export type SimulationRequest = z.infer<typeof simulationRequestSchema>;
