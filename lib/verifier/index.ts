/**
 * Parser-verifier: decides whether a generated answer contains a question's labels (paper,
 * appendix A and F, table 8), with explainable, reproducible verdicts.
 */
export { VERIFIER_VERSION } from "@/lib/verifier/version";
export {
  LABEL_TYPES,
  targetsSchema,
  type LabelType,
  type Target,
} from "@/lib/verifier/label-schemas";
export {
  PRESET_NAMES,
  resolveVerifierConfig,
  verifierOverridesSchema,
  VerifierConfigError,
  type PresetName,
  type VerifierConfig,
} from "@/lib/verifier/config";
export { verifyMany, verifySync } from "@/lib/verifier/verify";
export type { Verdict } from "@/lib/verifier/verdict";
export type { Embedder } from "@/lib/verifier/embeddings/embedder";
export type { SpanExtractor } from "@/lib/verifier/embeddings/span-extractor";
