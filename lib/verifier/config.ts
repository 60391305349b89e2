import { z } from "zod";
import { STOP_WORD_LISTS } from "@/lib/verifier/keywords/stop-words";
import { describeIssues } from "@/lib/verifier/zod-issues";
import { PRESETS } from "@/lib/verifier/presets";

export { configHash } from "@/lib/verifier/config-hash";
export { PRESETS } from "@/lib/verifier/presets";

export { PRESET_NAMES, type PresetName } from "@/lib/verifier/presets";
import { PRESET_NAMES, type PresetName } from "@/lib/verifier/presets";

const ratio = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

/**
 * Everything that decides a verdict. `strict: true` means the score must exceed the threshold;
 * otherwise reaching it is enough. Keyword similarities are fuzzywuzzy percentages / 100.
 */
const verifierConfigSchema = z.object({
  preset: z.enum(PRESET_NAMES),
  keyword: z.object({
    threshold: ratio,
    strict: z.boolean(),
    /** Label words shorter than this (in code points) are not keywords. */
    minWordLength: z.number().int().min(1),
    stopWords: z.enum(STOP_WORD_LISTS),
    /** Apply the stop-word and length filter to answer words too (the released code does). */
    filterAnswerWords: z.boolean(),
  }),
  float: z.object({ maxRelativeError: nonNegative }),
  bbox: z.object({ threshold: ratio, strict: z.boolean() }),
  interval: z.object({ threshold: ratio, strict: z.boolean() }),
  timestamp: z.object({ maxAbsError: nonNegative }),
  caption: z.object({
    /** Cosine similarity needed with embeddings. */
    threshold: ratio,
    strict: z.boolean(),
    /** Share of label keywords one sentence must contain when no embedder is configured. */
    lexicalThreshold: ratio,
  }),
  /** `keyword`: each action by the keyword rule; `semantic`: by sentence similarity like captions. */
  sequence: z.object({ matching: z.enum(["keyword", "semantic"]) }),
});

export type VerifierConfig = z.infer<typeof verifierConfigSchema>;

/** Partial settings laid over a preset; unknown keys are rejected so typos cannot pass silently. */
export const verifierOverridesSchema = z
  .strictObject({
    keyword: verifierConfigSchema.shape.keyword.partial().strict(),
    float: verifierConfigSchema.shape.float.partial().strict(),
    bbox: verifierConfigSchema.shape.bbox.partial().strict(),
    interval: verifierConfigSchema.shape.interval.partial().strict(),
    timestamp: verifierConfigSchema.shape.timestamp.partial().strict(),
    caption: verifierConfigSchema.shape.caption.partial().strict(),
    sequence: verifierConfigSchema.shape.sequence.partial().strict(),
  })
  .partial();

export class VerifierConfigError extends Error {
  override name = "VerifierConfigError";
}

/**
 * The preset's settings with `overrides` laid over them, validated and frozen. Throws
 * `VerifierConfigError` naming every bad field.
 */
export function resolveVerifierConfig(preset: PresetName = "paper", overrides: unknown = {}): VerifierConfig {
  const base = PRESETS[preset];
  if (base === undefined) {
    throw new VerifierConfigError(`unknown verifier preset "${String(preset)}"; expected one of ${PRESET_NAMES.join(", ")}`);
  }
  const parsed = verifierOverridesSchema.safeParse(overrides ?? {});
  if (!parsed.success) throw new VerifierConfigError(`invalid verifier overrides: ${describeIssues(parsed.error)}`);
  const merged: VerifierConfig = {
    preset,
    keyword: { ...base.keyword, ...parsed.data.keyword },
    float: { ...base.float, ...parsed.data.float },
    bbox: { ...base.bbox, ...parsed.data.bbox },
    interval: { ...base.interval, ...parsed.data.interval },
    timestamp: { ...base.timestamp, ...parsed.data.timestamp },
    caption: { ...base.caption, ...parsed.data.caption },
    sequence: { ...base.sequence, ...parsed.data.sequence },
  };
  return deepFreeze(verifierConfigSchema.parse(merged));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
