export * from "./types";
export { ImportErrorCollector, FatalImportError, formatImportError, DEFAULT_KEPT_ERRORS } from "./errors";
export { parseDataset, parseDatasetBatches, type ImportSpec, type ImportRun } from "./import";
export { isSafeRelativePath } from "./paths";

export { defaultTemplates, TEMPLATE_VARIABLES } from "./templates/defaults";
export { renderTemplate, templatePlaceholders, TemplateError, type TemplateVars } from "./templates/render";
export { TemplateSet, questionTemplatesSchema } from "./templates/template-set";

export { parseKinetics, KINETICS_REQUIRED_COLUMNS, type KineticsOptions } from "./kinetics/parse";
export { generateKineticsCsv, syntheticKineticsClasses } from "./kinetics/generate";
export { kineticsVideoKey, kineticsClipPath, DEFAULT_CLIP_PATH_TEMPLATE } from "./kinetics/clip-path";

export { parseStar, type StarOptions } from "./star/parse";
export { readStarClassFile, type StarClassNames } from "./star/classes";

export { parseFineDiving, FINEDIVING_FPS, type FineDivingOptions } from "./finediving/parse";
export type { DiveRecord, DiveSegment } from "./finediving/schema";
export { expectedDiveScore, scoreDisagreement } from "./finediving/score-rules";
export { readPickle } from "./finediving/unpickle";

export { parseGeneric, type GenericOptions } from "./generic/parse";
export { readGenericMapping, parseGenericMapping, genericTemplates, type GenericMapping } from "./generic/mapping";

export { writeDemoFixtures, type DemoFixtures, type DemoDataset } from "./demo/write-demo-fixtures";

// Writing (database): requested imports, the all-or-nothing run, media ingest and serving.
export {
  importOptionsSchema,
  optionsFromSpec,
  toImportSpec,
  withCompanionFiles,
  FORMAT_NAMES,
  DB_FORMAT,
  type ImportOptions,
  type ImportOptionsInput,
} from "./import-options";
export { requestImport, ImportRequestError } from "./request-import";
export { runImport, type ImportOutcome, type ImportProgress, type RunImportOptions } from "./run-import";
export type { ImportTimings } from "./import-timings";
export { enqueueImport, enqueueIngestForDataset, closeDatasetJobSender, INGEST_BATCH } from "./job-sender";
export { ingestVideos, type IngestSummary } from "./ingest/ingest-videos";
export { videoResponse, posterResponse, signedVideoResponse } from "./media-responses";
export { signedVideoUrl } from "./signed-video-url";
