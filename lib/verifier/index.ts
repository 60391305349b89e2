/**
 * Parser-verifier: decides whether a generated answer contains a question's labels (paper,
 * appendix A and F, table 8), with explainable, reproducible verdicts.
 */
export { VERIFIER_VERSION } from "@/lib/verifier/version";
export {
  LABEL_TYPES,
  labelSchemas,
  classLabelSchema,
  floatLabelSchema,
  bboxLabelSchema,
  intervalLabelSchema,
  timestampLabelSchema,
  sequenceLabelSchema,
  captionLabelSchema,
  sameLabelSchema,
  targetSchema,
  targetsSchema,
  isLabelType,
  type LabelType,
  type Target,
  type TargetOf,
  type ClassLabel,
  type FloatLabel,
  type BboxLabel,
  type IntervalLabel,
  type TimestampLabel,
  type SequenceLabel,
  type CaptionLabel,
  type SameLabel,
} from "@/lib/verifier/label-schemas";
export {
  PRESET_NAMES,
  PRESETS,
  resolveVerifierConfig,
  configHash,
  verifierConfigSchema,
  verifierOverridesSchema,
  VerifierConfigError,
  type PresetName,
  type VerifierConfig,
  type VerifierOverrides,
} from "@/lib/verifier/config";
export type { Verdict, TargetVerdict, PartMatch, MatchedPart, UnmatchedPart, Comparison } from "@/lib/verifier/verdict";
export { verifySync, verify, verifyMany, type VerifyOptions, type VerifyItem } from "@/lib/verifier/verify";
export { EmbeddingError, type Embedder } from "@/lib/verifier/embeddings/embedder";
export { createHttpEmbedder, type HttpEmbedderOptions } from "@/lib/verifier/embeddings/http-embedder";
export { fuzzRatio, indelRatio, indelDistance, lcsLength } from "@/lib/verifier/similarity/indel-ratio";
export { tokenize, type Token } from "@/lib/verifier/text/tokenize";
export type { Span } from "@/lib/verifier/text/sentences";
export { parseInputLine, type VerifyRequest, type ParsedLine } from "@/lib/verifier/cli/input-line";
export { verifyJsonLines, type OutputLine, type VerifyLinesOptions } from "@/lib/verifier/cli/verify-lines";
export { toOutputVerdict, type OutputVerdict, type OutputMatch, type OutputError } from "@/lib/verifier/cli/output-line";
