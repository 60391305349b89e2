/**
 * The two presets as plain data (no schema library), so that verifying needs none: `config.ts`
 * validates overrides against them.
 */
import type { VerifierConfig } from "@/lib/verifier/config";

export const PRESET_NAMES = ["paper", "reference-code"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

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

function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

/** The paper preset without overrides, frozen: the default configuration of `verifySync`. */
export const PAPER_CONFIG: VerifierConfig = frozen(structuredClone(PRESETS.paper));
