import { CompactStringSet } from "../compact-string-set";
import { readCsvRowBatches, type CsvRow } from "../csv-rows";
import { FatalImportError, type ImportErrorCollector } from "../errors";
import { timedSource, type ImportClock } from "../import-timings";
import { parseNumberText } from "../fields";
import { mediaIndexFor } from "../media-index";
import { displayNameOf, isSafeRelativePath } from "../paths";
import { eachItem, guardBatches } from "../run-importer";
import { defaultTemplates } from "../templates/defaults";
import { TemplateSet } from "../templates/template-set";
import type { ImportedItem, QuestionTemplate } from "../types";
import { DEFAULT_CLIP_PATH_TEMPLATE, YOUTUBE_ID, kineticsClipPath, kineticsVideoKey } from "./clip-path";

const KINETICS_REQUIRED_COLUMNS = ["youtube_id", "time_start", "time_end", "split"] as const;
/** Absent from Kinetics' test lists: their clips are imported unlabelled. */
const KINETICS_LABEL_COLUMN = "label";
/** The CSVs call the validation split "validate"; downloaded clips usually sit in `val/`. */
const SPLIT_FOLDER_ALIASES: Readonly<Record<string, string>> = { validate: "val", val: "validate" };
/** Optional column giving the clip's path under the media root, overriding the naming rule. */
const KINETICS_PATH_COLUMN = "path";

export interface KineticsOptions {
  errors: ImportErrorCollector;
  /** Question templates (kind "activity"); the defaults when omitted. */
  templates?: readonly QuestionTemplate[];
  /** Folder the clip paths are relative to; needed when `checkMedia` is set. */
  mediaRoot?: string;
  /** Verify that each clip file exists under the media root. */
  checkMedia?: boolean;
  /** How clip files are named; see `kineticsClipPath`. */
  clipPathTemplate?: string;
  /** Name used for the file in errors (default: its base name). */
  displayName?: string;
  /** Adds the time spent in the CSV reader to `clock.sourceMs` (the benchmark's parse/validate split). */
  clock?: ImportClock;
}

/**
 * Streams a Kinetics-700 CSV (`label, youtube_id, time_start, time_end, split`, optional `path`)
 * into one item per clip, without holding the file in memory. Every row is validated; problems go
 * to `options.errors` and the row is skipped. Clip files are already trimmed, so `clip` is the
 * whole file (nulls) and the YouTube offsets are in metadata. A test list (no `label` column)
 * gives unlabelled clips: no label and no question, `metadata.unlabelled` set. With a `{split}`
 * clip path, "validate" rows are also looked for under "val" (and the other way round).
 */
export function parseKinetics(filePath: string, options: KineticsOptions): AsyncGenerator<ImportedItem> {
  return eachItem(parseKineticsBatches(filePath, options));
}

/** The same stream in batches (what `runImport` consumes). */
export function parseKineticsBatches(filePath: string, options: KineticsOptions): AsyncGenerator<ImportedItem[]> {
  const file = displayNameOf(filePath, options.displayName);
  return guardBatches(options.errors, file, parseBatches(filePath, file, options));
}

async function* parseBatches(filePath: string, file: string, options: KineticsOptions): AsyncGenerator<ImportedItem[]> {
  const templates = new TemplateSet(options.templates ?? defaultTemplates("kinetics"));
  const clipPathTemplate = options.clipPathTemplate ?? DEFAULT_CLIP_PATH_TEMPLATE;
  const media = mediaIndexFor(options, file);
  const seenKeys = new CompactStringSet();
  let columnCount = 0;
  let hasPathColumn = false;
  let labelled = true;

  const rowBatches = readCsvRowBatches(filePath, file, ({ columns }) => {
    const missing = KINETICS_REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
    if (missing.length > 0) {
      throw new FatalImportError({
        file,
        line: 1,
        field: missing.join(", "),
        reason: `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")} (header has ${columns.map((c) => `"${c}"`).join(", ")})`,
      });
    }
    columnCount = columns.length;
    hasPathColumn = columns.includes(KINETICS_PATH_COLUMN);
    labelled = columns.includes(KINETICS_LABEL_COLUMN);
  });
  const batches = timedSource(rowBatches, options.clock);

  for await (const rows of batches) {
    const items: ImportedItem[] = [];
    for (const row of rows) {
      const clip = validateRow(row, { file, columnCount, hasPathColumn, labelled, clipPathTemplate }, options.errors);
      if (clip === null) continue;
      if (!seenKeys.add(clip.videoKey)) {
        options.errors.add({
          file,
          line: row.line,
          recordKey: clip.videoKey,
          field: "youtube_id",
          reason: "duplicate clip (same youtube_id, time_start and time_end as an earlier row)",
        });
        continue;
      }
      if (media !== null && !(await media.hasFile(clip.mediaPath))) {
        const alias = clip.aliasMediaPath;
        if (alias !== null && (await media.hasFile(alias))) {
          items.push(toItem({ ...clip, mediaPath: alias }, templates));
          continue;
        }
        options.errors.add({
          file,
          line: row.line,
          recordKey: clip.videoKey,
          field: clip.pathFromColumn ? KINETICS_PATH_COLUMN : "youtube_id",
          reason: `unknown video: clip file "${clip.mediaPath}" not found under the media root`,
        });
        continue;
      }
      items.push(toItem(clip, templates));
    }
    if (items.length > 0) yield items;
  }
}

interface ValidClip {
  videoKey: string;
  mediaPath: string;
  pathFromColumn: boolean;
  /** The path with the split folder's other name ("val" for "validate"), when the template uses {split}. */
  aliasMediaPath: string | null;
  /** Null for a test list's unlabelled clip. */
  label: string | null;
  youtubeId: string;
  start: number;
  end: number;
  split: string | null;
}

interface RowContext {
  file: string;
  columnCount: number;
  hasPathColumn: boolean;
  labelled: boolean;
  clipPathTemplate: string;
}

function validateRow(row: CsvRow, context: RowContext, errors: ImportErrorCollector): ValidClip | null {
  const { file } = context;
  const { line, values } = row;
  if (row.fieldCount !== context.columnCount) {
    errors.add({ file, line, reason: `expected ${context.columnCount} fields, found ${row.fieldCount}` });
    return null;
  }
  const label = (values.label ?? "").trim();
  const youtubeId = (values.youtube_id ?? "").trim();
  const start = parseNumberText(values.time_start ?? "");
  const end = parseNumberText(values.time_end ?? "");
  const split = (values.split ?? "").trim();
  const pathValue = context.hasPathColumn ? (values[KINETICS_PATH_COLUMN] ?? "").trim() : "";
  const errorsBefore = errors.count;
  if (context.labelled && label === "") errors.add({ file, line, field: "label", reason: "empty label" });
  if (!YOUTUBE_ID.test(youtubeId)) {
    errors.add({ file, line, field: "youtube_id", reason: `not a YouTube id: "${values.youtube_id ?? ""}"` });
  }
  if (start === null || start < 0) {
    errors.add({ file, line, field: "time_start", reason: `not a number of seconds: "${values.time_start ?? ""}"` });
  }
  if (end === null || end < 0) {
    errors.add({ file, line, field: "time_end", reason: `not a number of seconds: "${values.time_end ?? ""}"` });
  }
  if (start !== null && end !== null && end <= start) {
    errors.add({ file, line, field: "time_end", reason: `time_end (${end}) must be greater than time_start (${start})` });
  }
  if (pathValue !== "" && !isSafeRelativePath(pathValue)) {
    errors.add({ file, line, field: KINETICS_PATH_COLUMN, reason: `not a safe relative path: "${pathValue}"` });
  }
  if (errors.count > errorsBefore || start === null || end === null) return null;

  const videoKey = kineticsVideoKey(youtubeId, start, end);
  const pathOf = (splitFolder: string) =>
    context.clipPathTemplate === DEFAULT_CLIP_PATH_TEMPLATE
      ? `${videoKey}.mp4`
      : kineticsClipPath(context.clipPathTemplate, { youtubeId, start, end, split: splitFolder, label });
  const mediaPath = pathValue !== "" ? pathValue : pathOf(split);
  const splitAlias = SPLIT_FOLDER_ALIASES[split];
  const aliasPath = pathValue === "" && splitAlias !== undefined ? pathOf(splitAlias) : null;
  if (!isSafeRelativePath(mediaPath)) {
    errors.add({ file, line, field: "youtube_id", reason: `the clip path "${mediaPath}" made from this row is not a safe relative path` });
    return null;
  }
  return {
    videoKey,
    mediaPath,
    pathFromColumn: pathValue !== "",
    aliasMediaPath: aliasPath !== null && aliasPath !== mediaPath && isSafeRelativePath(aliasPath) ? aliasPath : null,
    label: context.labelled ? label : null,
    youtubeId,
    start,
    end,
    split: split === "" ? null : split,
  };
}

function toItem(clip: ValidClip, templates: TemplateSet): ImportedItem {
  const metadata = { youtube_id: clip.youtubeId, time_start: clip.start, time_end: clip.end };
  if (clip.label === null) {
    return {
      videoKey: clip.videoKey,
      mediaPath: clip.mediaPath,
      split: clip.split,
      clip: { startSec: null, endSec: null },
      metadata: { ...metadata, unlabelled: true },
      labels: [],
      questions: [],
    };
  }
  const label = clip.label;
  const questionKey = "kinetics:activity:0";
  const rendered = templates.render("activity", `${clip.videoKey}|${questionKey}`, {});
  return {
    videoKey: clip.videoKey,
    mediaPath: clip.mediaPath,
    split: clip.split,
    clip: { startSec: null, endSec: null },
    metadata,
    labels: [{ key: "class", kind: "class", value: label }],
    questions:
      rendered === null
        ? []
        : [
            {
              key: questionKey,
              templateKey: rendered.templateKey,
              text: rendered.text,
              targets: [{ labelType: "class", label }],
              kind: "activity",
            },
          ],
  };
}
