import path from "node:path";
import type { ImportErrorCollector } from "../errors";
import { openElementReader, parseElement, scanJsonArray } from "../json-array";
import { mediaIndexFor } from "../media-index";
import { displayNameOf, isSafeRelativePath } from "../paths";
import { eachItem, guardBatches } from "../run-importer";
import { reportZodIssues } from "../zod-issues";
import { defaultTemplates } from "../templates/defaults";
import { renderTemplate } from "../templates/render";
import { TemplateSet } from "../templates/template-set";
import type { ImportedItem, ImportedLabel, ImportedQuestion, QuestionTemplate } from "../types";
import { StarNames, type StarClassNames } from "./classes";
import { buildKeyframes, mergeSituations } from "./keyframes";
import { betweenQuestion, objectAtQuestion, originalQuestion, sameObjectQuestion, whenQuestion, type ClipContext } from "./questions";
import { readStarFpsFile } from "./frame-rates";
import { starQuestionSchema, starQuestionType, type StarQuestion } from "./schema";
import { VideoGeometry, type VideoProber } from "./video-geometry";

export interface StarOptions {
  errors: ImportErrorCollector;
  templates?: readonly QuestionTemplate[];
  mediaRoot?: string;
  checkMedia?: boolean;
  /** Where a video is under the media root; {video_id}. Default "{video_id}.mp4". */
  videoPathTemplate?: string;
  /**
   * STAR's per-video frame-rate pickle (`video_fps`: "<video_id>.mp4" → fps). Situation keys are
   * frame numbers of the Charades video; a video it lacks gets its probed rate (see `probeVideo`).
   */
  fpsFile?: string;
  /** Probes a video (its path under the media root) for its frame rate and frame size. */
  probeVideo?: VideoProber;
  /** Frames per second for videos neither the fps file nor probing knows; else 30 is assumed. */
  fps?: number;
  /** Pixel size boxes are measured in for videos that were not probed; else 640×480 is assumed. */
  frameSize?: { width: number; height: number };
  /** Per-video fps and frame size, winning over everything else. */
  videos?: Record<string, { fps?: number; width?: number; height?: number }>;
  /** Action and object names for STAR's class ids; ids are used (with a warning) without them. */
  classNames?: StarClassNames;
  /** The split; default from the file name (STAR_train.json → "train"), else null. */
  split?: string | null;
  displayName?: string;
}

/**
 * Streams a STAR QA file (a JSON array) into one item per clip (video_id + start + end). Two passes:
 * the first validates every question and notes where each clip's questions are in the file; the
 * second reads each clip's questions back by offset and builds its item. Memory holds that index,
 * never the file, whatever order the questions come in. Every problem goes to `options.errors`.
 * A clip is the window `start`–`end` of its video, cut out at ingest (`metadata.clipWindow`):
 * every time in its labels and questions counts from the window's start.
 */
export function parseStar(filePath: string, options: StarOptions): AsyncGenerator<ImportedItem> {
  return eachItem(parseStarBatches(filePath, options));
}

/** The same stream in batches (what `runImport` consumes). */
export function parseStarBatches(filePath: string, options: StarOptions): AsyncGenerator<ImportedItem[]> {
  const file = displayNameOf(filePath, options.displayName);
  return guardBatches(options.errors, file, parseBatches(filePath, file, options));
}

/** Where each clip's valid questions are in the file, clips in order of first appearance. */
type ClipIndex = Map<string, { videoId: string; locations: { offset: number; length: number }[] }>;

async function* parseBatches(filePath: string, file: string, options: StarOptions): AsyncGenerator<ImportedItem[]> {
  const templates = new TemplateSet(options.templates ?? defaultTemplates("star"));
  const names = new StarNames(options.classNames);
  if (!names.hasNames) {
    options.errors.warn({
      file,
      field: "classNames",
      reason: "no class names given: actions and objects are named by their STAR ids (a077, o016)",
    });
  }
  const clips = await indexQuestions(filePath, file, options);
  const media = mediaIndexFor(options, file);
  const split = options.split !== undefined ? options.split : splitFromFileName(filePath);
  const geometry = new VideoGeometry({
    fpsFile: options.fpsFile === undefined ? null : await readStarFpsFile(options.fpsFile),
    prober: options.probeVideo ?? null,
    ...(options.fps !== undefined ? { fps: options.fps } : {}),
    ...(options.frameSize !== undefined ? { frameSize: options.frameSize } : {}),
    ...(options.videos !== undefined ? { videos: options.videos } : {}),
  });
  await geometry.probeAll(await videosToProbe(clips, options, media));
  const reader = await openElementReader(filePath);
  try {
    let items: ImportedItem[] = [];
    for (const [key, { locations }] of clips) {
      const group: StarQuestion[] = [];
      for (const { offset, length } of locations) {
        group.push(starQuestionSchema.parse(JSON.parse((await reader.read(offset, length)).toString("utf8"))));
      }
      const item = buildItem(key, group, { options, templates, names, split, file, geometry });
      if (item === null) continue;
      if (media !== null && item.mediaPath !== null && !(await media.hasFile(item.mediaPath))) {
        const recordKey = group.map((qa) => qa.question_id).sort()[0] ?? key;
        options.errors.add({
          file,
          recordKey,
          field: "video_id",
          reason: `unknown video: "${item.mediaPath}" not found under the media root`,
        });
        continue;
      }
      items.push(item);
      if (items.length >= 100) {
        yield items;
        items = [];
      }
    }
    if (items.length > 0) yield items;
  } finally {
    await reader.close();
  }
  // Where each clip's frame rate and frame size came from: a warning when some had to be assumed.
  const sources = geometry.summary();
  if (sources !== null) {
    const summary = { file, field: "fps", reason: sources };
    if (geometry.assumedAny()) options.errors.warn(summary);
    else options.errors.note(summary);
  }
}

/** The distinct videos (id → path under the media root) that exist and can be probed. */
async function videosToProbe(
  clips: ClipIndex,
  options: StarOptions,
  media: ReturnType<typeof mediaIndexFor>,
): Promise<Map<string, string>> {
  const videos = new Map<string, string>();
  if (options.probeVideo === undefined) return videos;
  for (const { videoId } of clips.values()) {
    if (videos.has(videoId)) continue;
    const mediaPath = videoPathOf(videoId, options);
    if (isSafeRelativePath(mediaPath) && (media === null || (await media.hasFile(mediaPath)))) videos.set(videoId, mediaPath);
  }
  return videos;
}

function videoPathOf(videoId: string, options: StarOptions): string {
  return renderTemplate(options.videoPathTemplate ?? "{video_id}.mp4", { video_id: videoId });
}

/** First pass: validate each question, find duplicates, note where each clip's questions are. */
async function indexQuestions(filePath: string, file: string, options: StarOptions): Promise<ClipIndex> {
  const clips: ClipIndex = new Map();
  const seenIds = new Set<string>();
  for await (const batch of scanJsonArray(filePath, file)) {
    for (const element of batch) {
      const json = parseElement(element);
      if ("error" in json) {
        options.errors.add({ file, line: json.line, reason: json.error });
        continue;
      }
      const parsed = starQuestionSchema.safeParse(json.value);
      const recordKey = questionIdOf(json.value) ?? `#${element.index}`;
      if (!parsed.success) {
        reportZodIssues(options.errors, { file, recordKey }, parsed.error.issues);
        continue;
      }
      if (seenIds.has(parsed.data.question_id)) {
        options.errors.add({ file, recordKey, field: "question_id", reason: "duplicate question_id" });
        continue;
      }
      seenIds.add(parsed.data.question_id);
      const key = clipKey(parsed.data);
      const clip = clips.get(key) ?? { videoId: parsed.data.video_id, locations: [] };
      clip.locations.push({ offset: element.offset, length: element.length });
      clips.set(key, clip);
    }
  }
  return clips;
}

function questionIdOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const id = (value as { question_id?: unknown }).question_id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** A clip is a video and a time span; its key is stable across re-imports. */
function clipKey(qa: { video_id: string; start: number; end: number }): string {
  return `${qa.video_id}_${qa.start}_${qa.end}`;
}

function splitFromFileName(filePath: string): string | null {
  return /STAR_([a-z]+)\.json$/i.exec(path.basename(filePath))?.[1]?.toLowerCase() ?? null;
}

interface BuildContext {
  options: StarOptions;
  templates: TemplateSet;
  names: StarNames;
  split: string | null;
  file: string;
  geometry: VideoGeometry;
}

function buildItem(videoKey: string, group: StarQuestion[], context: BuildContext): ImportedItem | null {
  const { options, names, templates } = context;
  const questions = [...group].sort((a, b) => (a.question_id < b.question_id ? -1 : a.question_id > b.question_id ? 1 : 0));
  const first = questions[0];
  if (first === undefined) return null;
  const videoId = first.video_id;
  const mediaPath = videoPathOf(videoId, options);
  if (!isSafeRelativePath(mediaPath)) {
    options.errors.add({
      file: context.file,
      recordKey: first.question_id,
      field: "video_id",
      reason: `the video path "${mediaPath}" is not a safe relative path`,
    });
    return null;
  }
  const geometry = context.geometry.resolve(videoId);
  context.geometry.count(geometry);
  const situations = mergeSituations(questions.map((qa) => qa.situations));
  const keyframes = buildKeyframes(situations, geometry, { start: first.start, end: first.end });
  // The model, the annotators and the exports see the window cut out at ingest: times count from its start.
  const duration = Math.round((first.end - first.start) * 1000) / 1000;
  const clip: ClipContext = { videoKey, start: 0, end: duration, keyframes, names, templates };

  const generated = [
    ...questions.map((qa) => originalQuestion(clip, qa)),
    betweenQuestion(clip),
    whenQuestion(clip),
    objectAtQuestion(clip),
    sameObjectQuestion(clip),
  ];
  const itemQuestions: ImportedQuestion[] = generated.flatMap((g) => g.questions);
  const labels: ImportedLabel[] = generated.flatMap((g) => g.labels);
  return {
    videoKey,
    mediaPath,
    split: context.split,
    clip: { startSec: first.start, endSec: first.end },
    metadata: {
      video_id: videoId,
      question_ids: questions.map((qa) => qa.question_id),
      question_types: [...new Set(questions.map((qa) => starQuestionType(qa.question_id)))],
      choices: Object.fromEntries(questions.map((qa) => [qa.question_id, qa.choices])),
      geometry,
      clipWindow: "cut",
      window: { start: first.start, end: first.end },
      timeBase: "seconds from the start of the clip (the window start–end of the video)",
      keyframes: keyframes.map((k) => ({
        frame: k.frame,
        time: k.time,
        actions: k.actions.map((id) => names.action(id)),
        objects: k.objects.map((o) => ({ id: o.id, label: names.object(o.id), box: o.box })),
      })),
      situations,
    },
    labels,
    questions: itemQuestions,
  };
}
