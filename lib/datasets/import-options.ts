import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ImportSpec } from "./import";
import { findFineDivingFiles } from "./finediving/annotation-files";
import { isSafeRelativePath } from "./paths";
import { STAR_FPS_FILE_NAMES } from "./star/frame-rates";
import { DATASET_FORMATS, type DatasetFormat } from "./types";

/** The database's name for each source format (enum DatasetFormat). */
export const DB_FORMAT = {
  kinetics: "KINETICS700",
  star: "STAR",
  finediving: "FINEDIVING",
  generic: "GENERIC",
} as const satisfies Record<DatasetFormat, string>;
export type DbDatasetFormat = (typeof DB_FORMAT)[DatasetFormat];

/** Names people type for a format (the CLI's --format, the import form). */
export const FORMAT_NAMES: Record<string, DatasetFormat> = {
  kinetics700: "kinetics",
  kinetics: "kinetics",
  star: "star",
  finediving: "finediving",
  generic: "generic",
};

const mediaPrefixSchema = z
  .string()
  .refine((prefix) => prefix === "" || isSafeRelativePath(prefix), "must be a folder inside the media store (relative, no '..')");
const absolutePath = z
  .string()
  .min(1)
  .refine((p) => path.isAbsolute(p), "must be an absolute path");

/**
 * What an import reads, as stored in DatasetImport.options and carried by the import job. Paths
 * are absolute and were checked when the import was requested (CLI, form, demo); media paths are
 * relative to the media store (`mediaPrefix` is where this dataset's clips are in it).
 */
export const importOptionsSchema = z.object({
  datasetName: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  isDemo: z.boolean().default(false),
  format: z.enum(DATASET_FORMATS),
  file: absolutePath,
  /** The name errors use for the file (an upload's original name). */
  displayName: z.string().min(1).max(300).optional(),
  mediaPrefix: mediaPrefixSchema.default(""),
  checkMedia: z.boolean().default(true),
  mappingFile: absolutePath.optional(),
  classFiles: z.object({ actions: absolutePath.optional(), objects: absolutePath.optional() }).optional(),
  /** STAR's per-video frame-rate pickle (`video_fps`). */
  fpsFile: absolutePath.optional(),
  coarsePath: absolutePath.optional(),
  fineGrainedPath: absolutePath.optional(),
  subActionTablePath: absolutePath.optional(),
  splitPaths: z.record(z.string().min(1), absolutePath).optional(),
  clipPathTemplate: z.string().min(1).optional(),
  videoPathTemplate: z.string().min(1).optional(),
  framesDir: z.string().min(1).optional(),
  videosDir: z.string().min(1).optional(),
  fps: z.number().positive().max(240).optional(),
  frameSize: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  split: z.string().min(1).nullable().optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

/** The importer's spec for these options, with clips looked up under `mediaRootDir`. */
export function toImportSpec(options: ImportOptions, mediaRootDir: string): ImportSpec {
  const media = {
    mediaRoot: mediaRootDir,
    checkMedia: options.checkMedia,
    ...(options.displayName ? { displayName: options.displayName } : {}),
  };
  switch (options.format) {
    case "kinetics":
      return { format: "kinetics", file: options.file, ...media, ...defined({ clipPathTemplate: options.clipPathTemplate }) };
    case "star":
      return {
        format: "star",
        file: options.file,
        ...media,
        ...defined({
          classFiles: options.classFiles,
          fpsFile: options.fpsFile,
          videoPathTemplate: options.videoPathTemplate,
          fps: options.fps,
          frameSize: options.frameSize,
          split: options.split,
        }),
      };
    case "finediving":
      return {
        format: "finediving",
        file: options.file,
        ...media,
        ...defined({
          coarsePath: options.coarsePath,
          fineGrainedPath: options.fineGrainedPath,
          subActionTablePath: options.subActionTablePath,
          splitPaths: options.splitPaths,
          framesDir: options.framesDir,
          videosDir: options.videosDir,
          fps: options.fps,
        }),
      };
    case "generic":
      return { format: "generic", file: options.file, ...media, ...defined({ mappingFile: options.mappingFile }) };
  }
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * The files that travel with an annotation file, found beside it as the datasets ship them:
 * STAR's `action_classes.txt` / `object_classes.txt` and `video_fps` (beside it, in `classes/`
 * or in `STAR_classes/`), FineDiving's
 * whole annotation set (`file` may be its folder or any of its pickles: see findFineDivingFiles).
 * Options already given win.
 */
export function withCompanionFiles(options: ImportOptions): ImportOptions {
  const dir = path.dirname(options.file);
  const find = (...names: string[]) => names.map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
  if (options.format === "star") {
    const actions = find("action_classes.txt", "classes/action_classes.txt", "STAR_classes/action_classes.txt");
    const objects = find("object_classes.txt", "classes/object_classes.txt", "STAR_classes/object_classes.txt");
    const fpsFile =
      options.fpsFile ?? find(...["", "classes/", "STAR_classes/"].flatMap((folder) => STAR_FPS_FILE_NAMES.map((name) => folder + name)));
    const classFiles =
      options.classFiles ?? (actions || objects ? { ...(actions ? { actions } : {}), ...(objects ? { objects } : {}) } : undefined);
    return { ...options, ...defined({ classFiles, fpsFile }) };
  }
  if (options.format === "finediving") {
    const found = findFineDivingFiles(options.file);
    return {
      ...options,
      file: found.file,
      ...defined({
        coarsePath: options.coarsePath ?? found.coarsePath,
        fineGrainedPath: options.fineGrainedPath ?? found.fineGrainedPath,
        subActionTablePath: options.subActionTablePath ?? found.subActionTablePath,
        splitPaths: options.splitPaths ?? found.splitPaths,
      }),
    };
  }
  return options;
}

/**
 * Import options for an importer spec whose media root is `mediaPrefix` inside the media store
 * (the demo's fixtures and tests use this; the spec's own mediaRoot is not kept).
 */
export function optionsFromSpec(
  spec: ImportSpec,
  dataset: { datasetName: string; description?: string; mediaPrefix: string; isDemo?: boolean },
): ImportOptions {
  const common = {
    ...dataset,
    isDemo: dataset.isDemo ?? false,
    format: spec.format,
    file: spec.file,
    checkMedia: spec.checkMedia ?? false,
    ...defined({ displayName: spec.displayName }),
  };
  switch (spec.format) {
    case "kinetics":
      return importOptionsSchema.parse({ ...common, ...defined({ clipPathTemplate: spec.clipPathTemplate }) });
    case "star":
      return importOptionsSchema.parse({
        ...common,
        ...defined({
          classFiles: spec.classFiles,
          fpsFile: spec.fpsFile,
          videoPathTemplate: spec.videoPathTemplate,
          fps: spec.fps,
          frameSize: spec.frameSize,
          split: spec.split,
        }),
      });
    case "finediving":
      return importOptionsSchema.parse({
        ...common,
        ...defined({
          coarsePath: spec.coarsePath,
          fineGrainedPath: spec.fineGrainedPath,
          subActionTablePath: spec.subActionTablePath,
          splitPaths: spec.splitPaths,
          framesDir: spec.framesDir,
          videosDir: spec.videosDir,
          fps: spec.fps,
        }),
      });
    case "generic":
      return importOptionsSchema.parse({ ...common, ...defined({ mappingFile: spec.mappingFile }) });
  }
}
