import { z } from "zod";
import { shortHash } from "@/lib/verifier/canonical-json";
import { STOP_WORD_LISTS } from "@/lib/verifier/keywords/stop-words";
import { describeIssues } from "@/lib/verifier/zod-issues";

export const PRESET_NAMES = ["paper", "reference-code"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

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

/** The paper's text (appendix A and table 8). */
const PAPER: VerifierConfig = {
  preset: "paper",
  keyword: { threshold: 0.8, strict: false, minWordLength: 1, stopWords: "stopword-en", filterAnswerWords: false },
  float: { maxRelativeError: 0.1 },
  bbox: { threshold: 0.5, strict: false },
  interval: { threshold: 0.75, strict: false },
  timestamp: { maxAbsError: 1 },
  caption: { threshold: 0.7, strict: false, lexicalThreshold: 0.7 },
  sequence: { matching: "keyword" },
};

/**
 * The released code (orrzohar/Video-STaR, videostar/verifier.py): `fuzz.ratio > 85` between spaCy
 * tokens that are not stop words and longer than 2 characters (answer words filtered alike),
 * `box_iou > 0.5`, temporal IoU `> 0.5`, timestamps within 0.1, float relative error <= 0.1, and
 * sentence embeddings (all-MiniLM-L6-v2) compared with `>= 0.6`.
 */
const REFERENCE_CODE: VerifierConfig = {
  preset: "reference-code",
  keyword: { threshold: 0.85, strict: true, minWordLength: 3, stopWords: "spacy-en", filterAnswerWords: true },
  float: { maxRelativeError: 0.1 },
  bbox: { threshold: 0.5, strict: true },
  interval: { threshold: 0.5, strict: true },
  timestamp: { maxAbsError: 0.1 },
  caption: { threshold: 0.6, strict: false, lexicalThreshold: 0.7 },
  sequence: { matching: "keyword" },
};

export const PRESETS: Readonly<Record<PresetName, VerifierConfig>> = {
  paper: PAPER,
  "reference-code": REFERENCE_CODE,
};

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

const hashes = new WeakMap<VerifierConfig, string>();

/** Short, stable hash (sha256 of canonical JSON, 12 hex) identifying a resolved configuration. */
export function configHash(config: VerifierConfig): string {
  let hash = hashes.get(config);
  if (hash === undefined) {
    hash = shortHash(config);
    hashes.set(config, hash);
  }
  return hash;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
