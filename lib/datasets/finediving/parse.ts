import path from "node:path";
import { FatalImportError, type ImportErrorCollector } from "../errors";
import { MediaIndex } from "../media-index";
import { displayNameOf, isSafePathSegment, isSafeRelativePath, joinMediaPath } from "../paths";
import { eachItem, guardBatches } from "../run-importer";
import { reportZodIssues } from "../zod-issues";
import { defaultTemplates } from "../templates/defaults";
import { TemplateSet } from "../templates/template-set";
import type { ImportedItem, ImportedLabel, QuestionTemplate } from "../types";
import { type AnnotationSet, readAnnotationSet, warnAboutMissingHalf, warnAboutMissingRecord } from "./annotation-set";
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
  /** `FineDiving_coarse_annotation.pkl` (judge scores, start and end frames), when not the file given. */
  coarsePath?: string;
  /** `FineDiving_fine-grained_annotation.pkl` (per-frame sub-actions), when not the file given. */
  fineGrainedPath?: string;
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
 * Reads FineDiving's annotation set into one item per dive. The published files are
 * complementary: the coarse file has the judge scores and frame bounds, the fine-grained file the
 * per-frame sub-actions; records of the two are merged by their (event, index) key. The file
 * given may be either of them or any other pickle of the set (`coarsePath` / `fineGrainedPath`
 * name the companions); either one alone imports what it holds, with a warning naming what is
 * missing. `mediaPath` is where the dive's MP4 is or will be written; when only frames exist,
 * `metadata.frameDir` is the folder for `framesToMp4` and `metadata.mediaSource` is "frames".
 * A score that disagrees with its judges is a warning, never an error.
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
    options,
    templates: new TemplateSet(options.templates ?? defaultTemplates("finediving")),
    table: options.subActionTablePath === undefined ? new Map() : await readSubActionTable(options.subActionTablePath),
    splits: await readSplits(options.splitPaths ?? {}),
    media: options.checkMedia === true ? new MediaIndex(requireMediaRoot(options, file)) : null,
    fps: options.fps ?? FINEDIVING_FPS,
    framesDir: checkedDir(options.framesDir ?? "FineDiving", "framesDir", file),
    videosDir: checkedDir(options.videosDir ?? "finediving", "videosDir", file),
  };
  const sources = await readAnnotationSet(annotationPath, file, options);
  warnAboutMissingHalf(sources, options.errors);
  let batch: ImportedItem[] = [];
  const seen = new Set<string>();
  for (const pair of pairByKey(sources)) {
    const item = await toItem(pair, sources, context, seen);
    if (item !== null) batch.push(item);
    if (batch.length >= 200) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A record of one file, before its key is checked. */
interface SourceRecord {
  file: string;
  rawKey: unknown;
  record: unknown;
}

/** The records of one key: from the coarse file, the fine-grained file, or both. */
interface KeyedPair {
  rawKey: unknown;
  coarse: SourceRecord | null;
  fine: SourceRecord | null;
}

function* pairByKey(sources: AnnotationSet): Generator<KeyedPair> {
  const { coarse, fine } = sources;
  if (coarse === null || fine === null) {
    const only = coarse ?? fine;
    for (const [rawKey, record] of only?.records ?? []) {
      const entry = { file: only?.file ?? "", rawKey, record };
      yield { rawKey, coarse: only === coarse ? entry : null, fine: only === fine ? entry : null };
    }
    return;
  }
  // Both files: in the coarse file's order, then the fine-grained file's dives the coarse one lacks.
  const fineByKey = new Map<string, SourceRecord>();
  const unmatched: SourceRecord[] = [];
  for (const [rawKey, record] of fine.records) {
    const id = keyIdentity(rawKey);
    const entry = { file: fine.file, rawKey, record };
    if (id === null || fineByKey.has(id)) unmatched.push(entry);
    else fineByKey.set(id, entry);
  }
  for (const [rawKey, record] of coarse.records) {
    const id = keyIdentity(rawKey);
    const match = id === null ? undefined : fineByKey.get(id);
    if (id !== null) fineByKey.delete(id);
    yield { rawKey, coarse: { file: coarse.file, rawKey, record }, fine: match ?? null };
  }
  for (const entry of [...fineByKey.values(), ...unmatched]) yield { rawKey: entry.rawKey, coarse: null, fine: entry };
}

/** A comparable identity of an (event, index) key; null for anything else (reported later). */
function keyIdentity(rawKey: unknown): string | null {
  const key = diveKeySchema.safeParse(rawKey);
  return key.success ? splitKey(key.data[0], key.data[1]) : null;
}

async function toItem(pair: KeyedPair, sources: AnnotationSet, context: Context, seen: Set<string>): Promise<ImportedItem | null> {
  const { options } = context;
  const file = (pair.fine ?? pair.coarse)?.file ?? "";
  const key = readKey(pair.rawKey, file, options.errors, seen);
  if (key === null) return null;
  const { event, index, videoKey } = key;
  const coarse = pair.coarse === null ? null : readRecord(pair.coarse, videoKey, options.errors);
  const fine = pair.fine === null ? null : readRecord(pair.fine, videoKey, options.errors);
  if (coarse === undefined || fine === undefined) return null;
  warnAboutMissingRecord(pair, sources, videoKey, options.errors);
  const merged = mergeRecords(coarse, fine, { file, videoKey, errors: options.errors });
  if (merged === null) return null;
  const dive = toDiveRecord(event, index, merged, context, { file: pair.fine?.file ?? file, videoKey });
  if (dive === null) return null;

  if (dive.judge_scores.length > 0) {
    const disagreement = scoreDisagreement(dive.judge_scores, dive.difficulty, dive.dive_score);
    // The judges and the recorded score are the coarse file's when it was read.
    const scoreFile = pair.coarse?.file ?? file;
    if (disagreement !== null) options.errors.warn({ file: scoreFile, recordKey: videoKey, field: "dive_score", reason: disagreement });
  }

  const mediaPath = joinMediaPath(context.videosDir, `${videoKey}.mp4`);
  const frameDir = joinMediaPath(context.framesDir, event, String(index));
  const mediaSource = await locateMedia(mediaPath, frameDir, dive, context, { file, videoKey });
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

/** The dive's (event, index) key, checked to make a unique, safe video key; null after reporting. */
function readKey(
  rawKey: unknown,
  file: string,
  errors: ImportErrorCollector,
  seen: Set<string>,
): { event: string; index: number; videoKey: string } | null {
  const key = diveKeySchema.safeParse(rawKey);
  if (!key.success) {
    errors.add({ file, recordKey: describeKey(rawKey), reason: "wrong structure: the key is not an (event name, index) tuple" });
    return null;
  }
  const [event, index] = key.data;
  const videoKey = `${event}_${index}`;
  if (!isSafePathSegment(event)) {
    errors.add({ file, recordKey: videoKey, reason: `the event name "${event}" cannot be a folder name` });
    return null;
  }
  if (seen.has(videoKey)) {
    errors.add({ file, recordKey: videoKey, reason: "two keys give the same video key" });
    return null;
  }
  seen.add(videoKey);
  return { event, index, videoKey };
}

/** A record's fields, checked; undefined (after reporting) when it is not a dive record. */
function readRecord(source: SourceRecord, videoKey: string, errors: ImportErrorCollector): DiveSource | undefined {
  if (!(source.record instanceof Map)) {
    errors.add({ file: source.file, recordKey: videoKey, reason: "wrong structure: the record is not a dict" });
    return undefined;
  }
  const parsed = diveSourceSchema.safeParse(Object.fromEntries([...source.record].map(([k, v]) => [String(k), v])));
  if (!parsed.success) {
    reportZodIssues(errors, { file: source.file, recordKey: videoKey }, parsed.error.issues);
    return undefined;
  }
  return parsed.data;
}

/**
 * One dive from its two records: the coarse file's judges and frame bounds with the fine-grained
 * file's sub-actions. Both files carry action type, score and difficulty; where they disagree the
 * coarse file (the official result) wins and the difference is a warning.
 */
function mergeRecords(
  coarse: DiveSource | null,
  fine: DiveSource | null,
  where: { file: string; videoKey: string; errors: ImportErrorCollector },
): DiveSource | null {
  if (coarse === null) return fine;
  if (fine === null) return coarse;
  for (const field of ["action_type", "dive_score", "difficulty"] as const) {
    if (coarse[field] !== fine[field]) {
      where.errors.warn({
        file: where.file,
        recordKey: where.videoKey,
        field,
        reason: `the coarse file says ${coarse[field]}, the fine-grained file ${fine[field]}; the coarse file's is kept`,
      });
    }
  }
  return {
    ...fine,
    ...coarse,
    judge_scores: coarse.judge_scores ?? fine.judge_scores,
    start_frame: coarse.start_frame ?? fine.start_frame,
    end_frame: coarse.end_frame ?? fine.end_frame,
    frames_labels: fine.frames_labels ?? coarse.frames_labels,
    steps_transit_frames: fine.steps_transit_frames ?? coarse.steps_transit_frames,
    "sub-action_types": fine["sub-action_types"] ?? coarse["sub-action_types"],
  };
}

function toDiveRecord(
  event: string,
  index: number,
  source: DiveSource,
  context: Context,
  where: { file: string; videoKey: string },
): DiveRecord | null {
  const own = source["sub-action_types"] ?? new Map<number, string>();
  const frameLabels = source.frames_labels ?? [];
  const { segments, unnamed } = segmentsFromFrameLabels(frameLabels, (id) => own.get(id) ?? context.table.get(id), context.fps);
  if (unnamed.length > 0) {
    context.options.errors.add({
      file: where.file,
      recordKey: where.videoKey,
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
    judge_scores: source.judge_scores ?? [],
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
  { file, videoKey }: { file: string; videoKey: string },
): Promise<"mp4" | "frames" | "unchecked" | null> {
  const { media, options } = context;
  if (media === null) return "unchecked";
  if (await media.hasFile(mediaPath)) return "mp4";
  const frames = (await media.filesIn(frameDir)).filter((name) => /\.jpe?g$/i.test(name));
  if (frames.length === 0) {
    options.errors.add({
      file,
      recordKey: videoKey,
      field: "frames",
      reason: `unknown video: neither "${mediaPath}" nor frames in "${frameDir}/" under the media root (to import the annotations now and add the media later, import without the media check: --no-media-check, or untick "Every clip must exist")`,
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
