import { z } from "zod";
import { containsWordCharacter } from "@/lib/verifier/text/tokenize";

/** The label types of the shared domain contract (paper, table 8). */
export const LABEL_TYPES = ["class", "float", "bbox", "interval", "timestamp", "sequence", "caption", "same"] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

const textWithWords = z.string().refine(containsWordCharacter, { message: "must contain at least one letter or digit" });

const unitCoordinate = z.number().min(0).max(1);
const seconds = z.number().min(0);

const classLabelSchema = textWithWords;

const floatLabelSchema = z.object({
  value: z.number(),
  /** What the number is called in answers ("score"); may be empty. */
  name: z.string(),
});

const bboxLabelSchema = z.object({
  box: z.tuple([unitCoordinate, unitCoordinate, unitCoordinate, unitCoordinate]).refine(([x1, y1, x2, y2]) => x1 <= x2 && y1 <= y2, {
    message: "corners must be [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2",
  }),
});

const intervalLabelSchema = z
  .object({
    start: seconds,
    end: seconds,
    /** The clip's length in seconds; the released rule compares intervals as fractions of it. */
    duration: z.number().positive().optional(),
  })
  .refine((interval) => interval.start <= interval.end, { message: "start must not be after end", path: ["end"] });

const timestampLabelSchema = z.object({
  time: seconds,
  /** The clip's length in seconds; the released rule compares times as fractions of it. */
  duration: z.number().positive().optional(),
});

const sequenceLabelSchema = z.object({ actions: z.array(textWithWords).min(1) });

const captionLabelSchema = textWithWords;

const sameLabelSchema = z.object({ same: z.boolean() });

export const labelSchemas = {
  class: classLabelSchema,
  float: floatLabelSchema,
  bbox: bboxLabelSchema,
  interval: intervalLabelSchema,
  timestamp: timestampLabelSchema,
  sequence: sequenceLabelSchema,
  caption: captionLabelSchema,
  same: sameLabelSchema,
} as const satisfies Record<LabelType, z.ZodType>;

export type ClassLabel = z.infer<typeof classLabelSchema>;
export type FloatLabel = z.infer<typeof floatLabelSchema>;
export type BboxLabel = z.infer<typeof bboxLabelSchema>;
export type IntervalLabel = z.infer<typeof intervalLabelSchema>;
export type TimestampLabel = z.infer<typeof timestampLabelSchema>;
export type SequenceLabel = z.infer<typeof sequenceLabelSchema>;
export type CaptionLabel = z.infer<typeof captionLabelSchema>;
export type SameLabel = z.infer<typeof sameLabelSchema>;

/** What an answer must contain: `{ labelType, label }`, discriminated on `labelType`. */
export const targetSchema = z.discriminatedUnion("labelType", [
  z.object({ labelType: z.literal("class"), label: classLabelSchema }),
  z.object({ labelType: z.literal("float"), label: floatLabelSchema }),
  z.object({ labelType: z.literal("bbox"), label: bboxLabelSchema }),
  z.object({ labelType: z.literal("interval"), label: intervalLabelSchema }),
  z.object({ labelType: z.literal("timestamp"), label: timestampLabelSchema }),
  z.object({ labelType: z.literal("sequence"), label: sequenceLabelSchema }),
  z.object({ labelType: z.literal("caption"), label: captionLabelSchema }),
  z.object({ labelType: z.literal("same"), label: sameLabelSchema }),
]);

export type Target = z.infer<typeof targetSchema>;
export type TargetOf<T extends LabelType> = Extract<Target, { labelType: T }>;

/** A question's targets: at least one; all must pass. */
export const targetsSchema = z.array(targetSchema).min(1);

export function isLabelType(value: unknown): value is LabelType {
  return typeof value === "string" && (LABEL_TYPES as readonly string[]).includes(value);
}
