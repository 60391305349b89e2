import { z } from "zod";

/**
 * One label part of a verifier verdict as stored in Verdict.matches (lib/verifier PartMatch):
 * a matched part has offsets into the answer and a similarity; a missing part has a reason.
 */
const partMatchSchema = z.object({
  part: z.string(),
  matched: z.boolean().optional(),
  group: z.string().optional(),
  target: z.number().int().optional(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  text: z.string().optional(),
  similarity: z.number().optional(),
  detail: z.string().optional(),
  reason: z.string().optional(),
});
export type PartMatchView = z.infer<typeof partMatchSchema>;

/** Reads Verdict.matches leniently: records that do not fit are dropped rather than failing the screen. */
export function parseVerdictMatches(value: unknown): PartMatchView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = partMatchSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
