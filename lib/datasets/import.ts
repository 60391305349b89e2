import { probe } from "@/lib/media/probe";
import { resolveInside } from "@/lib/media/resolve-inside";
import { FatalImportError, type ImportErrorCollector } from "./errors";
import type { ImportClock } from "./import-timings";
import { parseFineDivingBatches, type FineDivingOptions } from "./finediving/parse";
import { readGenericMapping, type GenericMapping } from "./generic/mapping";
import { parseGenericBatches, type GenericOptions } from "./generic/parse";
import { parseKineticsBatches, type KineticsOptions } from "./kinetics/parse";
import { readStarClassFile, type StarClassNames } from "./star/classes";
import { parseStarBatches, type StarOptions } from "./star/parse";
import type { VideoProber } from "./star/video-geometry";
import { eachItem } from "./run-importer";
import type { ImportedItem, QuestionTemplate } from "./types";

type Without<T> = Omit<T, "errors" | "templates" | "clock">;

/** What to import: a format, its source file and its options (all paths absolute). */
export type ImportSpec =
  | ({ format: "kinetics"; file: string } & Without<KineticsOptions>)
  | ({ format: "star"; file: string; classFiles?: { actions?: string; objects?: string } } & Without<StarOptions>)
  | ({ format: "finediving"; file: string } & Without<FineDivingOptions>)
  | ({ format: "generic"; file: string; mappingFile?: string } & Omit<Without<GenericOptions>, "mapping"> & { mapping?: GenericMapping });

export interface ImportRun {
  errors: ImportErrorCollector;
  /** The dataset's (edited) question templates; each format's defaults when omitted. */
  templates?: readonly QuestionTemplate[];
  /** Collects the time parsers spend reading their source apart from validating it (benchmarks). */
  clock?: ImportClock;
}

/**
 * Parses any supported source into the item stream. Run it once to validate (drain it and look
 * at `run.errors`), and again to write: every importer streams, so a second pass is cheap in memory.
 */
export function parseDataset(spec: ImportSpec, run: ImportRun): AsyncGenerator<ImportedItem> {
  return eachItem(parseDatasetBatches(spec, run));
}

/** The same stream in the importers' batches (what `runImport` consumes: no per-item async step). */
export async function* parseDatasetBatches(spec: ImportSpec, run: ImportRun): AsyncGenerator<ImportedItem[]> {
  const common = { errors: run.errors, ...(run.templates ? { templates: run.templates } : {}) };
  switch (spec.format) {
    case "kinetics": {
      const { format: _format, file, ...options } = spec;
      yield* parseKineticsBatches(file, { ...options, ...common, ...(run.clock ? { clock: run.clock } : {}) });
      return;
    }
    case "star": {
      const { format: _format, file, classFiles, ...options } = spec;
      const classNames = classFiles ? await guard(run.errors, () => readClassNames(classFiles)) : options.classNames;
      if (classNames === null) return;
      const probeVideo =
        options.probeVideo ?? (options.checkMedia === true && options.mediaRoot ? mediaProber(options.mediaRoot) : undefined);
      yield* parseStarBatches(file, {
        ...options,
        ...(classNames ? { classNames } : {}),
        ...(probeVideo ? { probeVideo } : {}),
        ...common,
      });
      return;
    }
    case "finediving": {
      const { format: _format, file, ...options } = spec;
      yield* parseFineDivingBatches(file, { ...options, ...common });
      return;
    }
    case "generic": {
      const { format: _format, file, mappingFile, mapping: given, ...options } = spec;
      const mapping = given ?? (mappingFile ? await guard(run.errors, () => readGenericMapping(mappingFile)) : null);
      if (mapping === null) {
        if (!given && !mappingFile)
          run.errors.add({ file: "mapping", reason: "a generic import needs a mapping (mapping or mappingFile)" });
        return;
      }
      yield* parseGenericBatches(file, { ...options, mapping, ...common });
      return;
    }
  }
}

/** Probes videos under the media root with ffprobe (STAR's frame rates and frame sizes). */
function mediaProber(mediaRoot: string): VideoProber {
  return async (mediaPath) => {
    const file = await resolveInside(mediaRoot, mediaPath);
    if (file === null) return null;
    const { fps, width, height } = await probe(file);
    return { fps, width, height };
  };
}

async function readClassNames(files: { actions?: string; objects?: string }): Promise<StarClassNames> {
  return {
    ...(files.actions ? { actions: await readStarClassFile(files.actions) } : {}),
    ...(files.objects ? { objects: await readStarClassFile(files.objects) } : {}),
  };
}

/** Runs a loader; a FatalImportError becomes a collected error and null. */
async function guard<T>(errors: ImportErrorCollector, load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof FatalImportError) {
      errors.add(error.detail);
      return null;
    }
    throw error;
  }
}
