import path from "node:path";
import { FatalImportError, type ImportErrorCollector } from "../errors";
import { MediaIndex } from "../media-index";
import { displayNameOf, isSafePathSegment, isSafeRelativePath, joinMediaPath } from "../paths";
import { eachItem, guardBatches } from "../run-importer";
import { reportZodIssues } from "../zod-issues";
import { defaultTemplates } from "../templates/defaults";
import { TemplateSet } from "../templates/template-set";
import type { ImportedItem, ImportedLabel, QuestionTemplate } from "../types";
import { diveQuestions } from "./questions";
import { diveKeySchema, diveSourceSchema, splitListSchema, subActionTableSchema, type DiveRecord, type DiveSource } from "./schema";
import { scoreDisagreement } from "./score-rules";
import { segmentsFromFrameLabels } from "./segments";
import { readPickle } from "./unpickle";

/** FineDiving's frames are turned into MP4 at 12 fps. */
export const FINEDIVING_FPS = 12;

export interface FineDivingOptions {
  errors: ImportErrorCollector;
  templates?: readonly QuestionTemplate[];
  /** `Sub_action_Types_Table.pkl`: names for sub-action ids a record's own map lacks. */
  subActionTablePath?: string;
  /** Split name → split pickle (a list of (event, index) keys), e.g. { train: ".../train_split.pkl" }. */
  splitPaths?: Record<string, string>;
  mediaRoot?: string;
  /** Check that each dive has an MP4 or a folder of frames under the media root. */
  checkMedia?: boolean;
  /** Frame folders: `{framesDir}/{event}/{index}/*.jpg` under the media root; default "FineDiving". */
  framesDir?: string;
  /** MP4s (existing, or to be made from frames): `{videosDir}/{event}_{index}.mp4`; default "finediving". */
  videosDir?: string;
  fps?: number;
  displayName?: string;
}

/**
 * Reads FineDiving annotation pickles (coarse or fine-grained; protocol 2–5, numpy values decoded)
 * into one item per dive. `mediaPath` is where the dive's MP4 is or will be written; when only
 * frames exist, `metadata.frameDir` is the folder for `framesToMp4` and `metadata.mediaSource` is
 * "frames". A score that disagrees with its judges is a warning, never an error.
 */
export function parseFineDiving(annotationPath: string, options: FineDivingOptions): AsyncGenerator<ImportedItem> {
  return eachItem(parseFineDivingBatches(annotationPath, options));
}

/** The same stream in batches (what `runImport` consumes). */
export function parseFineDivingBatches(annotationPath: string, options: FineDivingOptions): AsyncGenerator<ImportedItem[]> {
  const file = displayNameOf(annotationPath, options.displayName);
  return guardBatches(options.errors, file, parseBatches(annotationPath, file, options));
}

interface Context {
  file: string;
  options: FineDivingOptions;
  templates: TemplateSet;
  table: Map<number, string>;
  splits: Map<string, string>;
  media: MediaIndex | null;
  fps: number;
  framesDir: string;
  videosDir: string;
}

async function* parseBatches(annotationPath: string, file: string, options: FineDivingOptions): AsyncGenerator<ImportedItem[]> {
  const context: Context = {
    file,
    options,
    templates: new TemplateSet(options.templates ?? defaultTemplates("finediving")),
    table: options.subActionTablePath === undefined ? new Map() : await readSubActionTable(options.subActionTablePath),
    splits: await readSplits(options.splitPaths ?? {}),
    media: options.checkMedia === true ? new MediaIndex(requireMediaRoot(options, file)) : null,
    fps: options.fps ?? FINEDIVING_FPS,
    framesDir: checkedDir(options.framesDir ?? "FineDiving", "framesDir", file),
    videosDir: checkedDir(options.videosDir ?? "finediving", "videosDir", file),
  };
  const annotations = await readPickle(annotationPath, file);
  if (!(annotations instanceof Map)) {
    throw new FatalImportError({ file, reason: "wrong structure: expected a dict keyed by (event name, index) tuples" });
  }
  let batch: ImportedItem[] = [];
  const seen = new Set<string>();
  for (const [rawKey, rawRecord] of annotations) {
    const item = await toItem(rawKey, rawRecord, context, seen);
    if (item !== null) batch.push(item);
    if (batch.length >= 200) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function toItem(rawKey: unknown, rawRecord: unknown, context: Context, seen: Set<string>): Promise<ImportedItem | null> {
  const { file, options } = context;
  const key = diveKeySchema.safeParse(rawKey);
  if (!key.success) {
    options.errors.add({ file, recordKey: describeKey(rawKey), reason: "wrong structure: the key is not an (event name, index) tuple" });
    return null;
  }
  const [event, index] = key.data;
  const videoKey = `${event}_${index}`;
  if (!isSafePathSegment(event)) {
    options.errors.add({ file, recordKey: videoKey, reason: `the event name "${event}" cannot be a folder name` });
    return null;
  }
  if (seen.has(videoKey)) {
    options.errors.add({ file, recordKey: videoKey, reason: "two keys give the same video key" });
    return null;
  }
  seen.add(videoKey);
  if (!(rawRecord instanceof Map)) {
    options.errors.add({ file, recordKey: videoKey, reason: "wrong structure: the record is not a dict" });
    return null;
  }
  const parsed = diveSourceSchema.safeParse(Object.fromEntries([...rawRecord].map(([k, v]) => [String(k), v])));
  if (!parsed.success) {
    reportZodIssues(options.errors, { file, recordKey: videoKey }, parsed.error.issues);
    return null;
  }
  const dive = toDiveRecord(event, index, parsed.data, context, videoKey);
  if (dive === null) return null;

  const disagreement = scoreDisagreement(dive.judge_scores, dive.difficulty, dive.dive_score);
  if (disagreement !== null) options.errors.warn({ file, recordKey: videoKey, field: "dive_score", reason: disagreement });

  const mediaPath = joinMediaPath(context.videosDir, `${videoKey}.mp4`);
  const frameDir = joinMediaPath(context.framesDir, event, String(index));
  const mediaSource = await locateMedia(mediaPath, frameDir, dive, context, videoKey);
  if (mediaSource === null) return null;

  return {
    videoKey,
    mediaPath,
    split: context.splits.get(splitKey(event, index)) ?? null,
    clip: { startSec: null, endSec: null },
    metadata: { event, index, frameDir, mediaSource, fps: context.fps },
    labels: diveLabels(dive),
    questions: diveQuestions(videoKey, dive, context.templates),
  };
}

function toDiveRecord(event: string, index: number, source: DiveSource, context: Context, videoKey: string): DiveRecord | null {
  const own = source["sub-action_types"] ?? new Map<number, string>();
  const frameLabels = source.frames_labels ?? [];
  const { segments, unnamed } = segmentsFromFrameLabels(frameLabels, (id) => own.get(id) ?? context.table.get(id), context.fps);
  if (unnamed.length > 0) {
    context.options.errors.add({
      file: context.file,
      recordKey: videoKey,
      field: "frames_labels",
      reason: `sub-action id${unnamed.length > 1 ? "s" : ""} ${unnamed.join(", ")} ha${unnamed.length > 1 ? "ve" : "s"} no name (neither in sub-action_types nor in the table)`,
    });
    return null;
  }
  return {
    event,
    index,
    action_type: source.action_type,
    dive_score: source.dive_score,
    difficulty: source.difficulty,
    judge_scores: source.judge_scores,
    start_frame: source.start_frame ?? null,
    end_frame: source.end_frame ?? null,
    steps_transit_frames: source.steps_transit_frames ?? [],
    frames_labels: frameLabels,
    sub_action_types: Object.fromEntries([...own].map(([id, name]) => [String(id), name])),
    sub_actions: segments.map((segment) => segment.name),
    segments,
    fps: context.fps,
  };
}

function diveLabels(dive: DiveRecord): ImportedLabel[] {
  const labels: ImportedLabel[] = [
    { key: "dive", kind: "dive", value: dive },
    { key: "action_type", kind: "class", value: dive.action_type },
    { key: "score", kind: "float", value: { value: dive.dive_score, name: "score" } },
    { key: "difficulty", kind: "float", value: { value: dive.difficulty, name: "difficulty" } },
  ];
  if (dive.sub_actions.length > 0) labels.push({ key: "sequence", kind: "sequence", value: { actions: dive.sub_actions } });
  return labels;
}

/** "mp4" when the MP4 exists, "frames" when only frames do, "unchecked" without checkMedia; null after an error. */
async function locateMedia(
  mediaPath: string,
  frameDir: string,
  dive: DiveRecord,
  context: Context,
  videoKey: string,
): Promise<"mp4" | "frames" | "unchecked" | null> {
  const { media, options, file } = context;
  if (media === null) return "unchecked";
  if (await media.hasFile(mediaPath)) return "mp4";
  const frames = (await media.filesIn(frameDir)).filter((name) => /\.jpe?g$/i.test(name));
  if (frames.length === 0) {
    options.errors.add({
      file,
      recordKey: videoKey,
      field: "frames",
      reason: `unknown video: neither "${mediaPath}" nor frames in "${frameDir}/" under the media root`,
    });
    return null;
  }
  if (dive.frames_labels.length > 0 && dive.frames_labels.length !== frames.length) {
    options.errors.warn({
      file,
      recordKey: videoKey,
      field: "frames_labels",
      reason: `${dive.frames_labels.length} frame labels for ${frames.length} frames in "${frameDir}/"`,
    });
  }
  return "frames";
}

async function readSubActionTable(tablePath: string): Promise<Map<number, string>> {
  const file = path.basename(tablePath);
  const parsed = subActionTableSchema.safeParse(await readPickle(tablePath, file));
  if (!parsed.success) throw new FatalImportError({ file, reason: "wrong structure: expected a dict of sub-action id → name" });
  return parsed.data;
}

async function readSplits(splitPaths: Record<string, string>): Promise<Map<string, string>> {
  const splits = new Map<string, string>();
  for (const [split, splitPath] of Object.entries(splitPaths)) {
    const file = path.basename(splitPath);
    const parsed = splitListSchema.safeParse(await readPickle(splitPath, file));
    if (!parsed.success) throw new FatalImportError({ file, reason: "wrong structure: expected a list of (event name, index) tuples" });
    for (const [event, index] of parsed.data) splits.set(splitKey(event, index), split);
  }
  return splits;
}

function splitKey(event: string, index: number): string {
  return JSON.stringify([event, index]);
}

function describeKey(key: unknown): string {
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}

function requireMediaRoot(options: FineDivingOptions, file: string): string {
  if (options.mediaRoot === undefined) throw new FatalImportError({ file, field: "mediaRoot", reason: "checkMedia needs a media root" });
  return options.mediaRoot;
}

function checkedDir(dir: string, field: string, file: string): string {
  if (!isSafeRelativePath(dir)) throw new FatalImportError({ file, field, reason: `"${dir}" is not a safe relative folder` });
  return dir;
}
