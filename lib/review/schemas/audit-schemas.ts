import { z } from "zod";
import { AUDIT_VERDICTS } from "../constants";

const seconds = z.number().min(0).max(86_400);

/** An optional 1–5 rubric score (answer quality on an audit, explanation quality on a sign-off). */
export const qualityScoreSchema = z
  .number({ error: "the quality score must be a whole number from 1 to 5" })
  .int("the quality score must be a whole number from 1 to 5")
  .min(1, "the quality score must be a whole number from 1 to 5")
  .max(5, "the quality score must be a whole number from 1 to 5");

/** A hallucinated span as the client sends it: offsets into the answer, optionally a video interval. */
const spanInputSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    videoStartSec: seconds.nullable().optional(),
    videoEndSec: seconds.nullable().optional(),
  })
  .refine((span) => span.start < span.end, { message: "start must come before end", path: ["end"] })
  .refine((span) => span.videoStartSec == null || span.videoEndSec == null || span.videoStartSec <= span.videoEndSec, {
    message: "the video interval must not end before it starts",
    path: ["videoEndSec"],
  });
export type SpanInput = z.infer<typeof spanInputSchema>;

/** A stored span: the text is taken from the answer on the server, never from the client. */
export interface HallucinatedSpan {
  start: number;
  end: number;
  text: string;
  videoStartSec?: number | null;
  videoEndSec?: number | null;
}

/**
 * An autosave: any subset of the fields (absent = unchanged, null = cleared); `submit` also
 * finishes the item. Undo on the client sends the earlier values the same way. `baseVersion` is
 * the version of the saved audit the draft was edited from (null: there was none); a save from
 * anything but the latest version is refused, so a stale draft never overwrites a newer audit.
 */
export const auditPatchSchema = z
  .object({
    baseVersion: z.number().int().min(1).nullable(),
    verdict: z.enum(AUDIT_VERDICTS).nullable().optional(),
    hallucinatedSpans: z.array(spanInputSchema).max(200).optional(),
    labelPresent: z.boolean().nullable().optional(),
    qualityScore: qualityScoreSchema.nullable().optional(),
    note: z.string().max(10_000).optional(),
    submit: z.boolean().optional(),
  })
  .strict();
export type AuditPatch = z.infer<typeof auditPatchSchema>;

/** Stored spans read back from the Audit row (JSON): anything malformed is dropped. */
export const storedSpansSchema = z
  .array(
    z.object({
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      videoStartSec: z.number().nullable().optional(),
      videoEndSec: z.number().nullable().optional(),
    }),
  )
  .catch([]);
