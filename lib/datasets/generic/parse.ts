import path from "node:path";
import type { ImportErrorCollector } from "../errors";
import { mediaIndexFor } from "../media-index";
import { displayNameOf, isSafeRelativePath } from "../paths";
import { eachItem, guardBatches } from "../run-importer";
import { TemplateError, templatePlaceholders } from "../templates/render";
import { TemplateSet } from "../templates/template-set";
import type { ImportedItem, ImportedLabel, ImportedQuestion, QuestionTemplate } from "../types";
import { genericTemplates, mappedColumns, type GenericMapping } from "./mapping";
import { RowReader } from "./row-reader";
import { csvRows, jsonlRows } from "./rows";
import { targetFromRow } from "./targets";

export interface GenericOptions {
  errors: ImportErrorCollector;
  /** The validated mapping (see `readGenericMapping`). */
  mapping: GenericMapping;
  /** Edited question templates (kind = question key); the mapping's texts when omitted. */
  templates?: readonly QuestionTemplate[];
  mediaRoot?: string;
  checkMedia?: boolean;
  displayName?: string;
}

/**
 * Streams a CSV or JSON Lines file into items, one per row, as a mapping file describes (see
 * mapping.ts). Every row is validated; problems name the line and the column.
 */
export function parseGeneric(filePath: string, options: GenericOptions): AsyncGenerator<ImportedItem> {
  return eachItem(parseGenericBatches(filePath, options));
}

/** The same stream in batches (what `runImport` consumes). */
export function parseGenericBatches(filePath: string, options: GenericOptions): AsyncGenerator<ImportedItem[]> {
  const file = displayNameOf(filePath, options.displayName);
  return guardBatches(options.errors, file, parseBatches(filePath, file, options));
}

function formatOf(filePath: string, mapping: GenericMapping): "csv" | "jsonl" {
  if (mapping.format !== undefined) return mapping.format;
  return path.extname(filePath).toLowerCase() === ".csv" ? "csv" : "jsonl";
}

async function* parseBatches(filePath: string, file: string, options: GenericOptions): AsyncGenerator<ImportedItem[]> {
  const { mapping, errors } = options;
  const templates = new TemplateSet(options.templates ?? genericTemplates(mapping));
  checkTemplateColumns(options.templates ?? [], mapping);
  const media = mediaIndexFor(options, file);
  const rows = formatOf(filePath, mapping) === "csv" ? csvRows(filePath, file, mappedColumns(mapping)) : jsonlRows(filePath, file);
  const seen = new Set<string>();
  for await (const batch of rows) {
    const items: ImportedItem[] = [];
    for (const row of batch) {
      if (row.problem !== undefined) {
        errors.add({ file, line: row.line, reason: row.problem });
        continue;
      }
      const reader = new RowReader(row, file, errors);
      const item = itemFromRow(reader, mapping, templates);
      if (item === null || reader.failed) continue;
      if (seen.has(item.videoKey)) {
        reader.fail(mapping.videoKey, `duplicate video key "${item.videoKey}"`);
        continue;
      }
      seen.add(item.videoKey);
      if (media !== null && item.mediaPath !== null && !(await media.hasFile(item.mediaPath))) {
        reader.fail(mapping.mediaPath ?? mapping.videoKey, `unknown video: "${item.mediaPath}" not found under the media root`);
        continue;
      }
      items.push(item);
    }
    if (items.length > 0) yield items;
  }
}

function itemFromRow(row: RowReader, mapping: GenericMapping, templates: TemplateSet): ImportedItem | null {
  const videoKey = row.text(mapping.videoKey);
  const mediaPath = mapping.mediaPath === undefined ? null : row.text(mapping.mediaPath);
  if (mediaPath !== null && !isSafeRelativePath(mediaPath)) row.fail(mapping.mediaPath ?? "", `not a safe relative path: "${mediaPath}"`);
  const split =
    mapping.split === undefined ? null : typeof mapping.split === "string" ? row.optionalText(mapping.split) : mapping.split.literal;
  const clip =
    mapping.clip === undefined
      ? { startSec: null, endSec: null }
      : { startSec: row.number(mapping.clip.start), endSec: row.number(mapping.clip.end) };
  if (mapping.clip && clip.startSec !== null && clip.endSec !== null && !(clip.endSec > clip.startSec)) {
    row.fail(mapping.clip.end, `clip end (${clip.endSec}) must be greater than its start (${clip.startSec})`);
  }
  const metadata = Object.fromEntries(mapping.metadata.map((column) => [column, row.raw(column) ?? null]));
  const labels: ImportedLabel[] = mapping.labels.flatMap((label) => {
    const target = targetFromRow(label, row);
    return target === null ? [] : [{ key: label.key, kind: target.labelType, value: target.label }];
  });
  const questions: ImportedQuestion[] = mapping.questions.flatMap((q) => {
    const targets = q.targets.map((target) => targetFromRow(target, row));
    const key = `generic:${q.key}`;
    const vars = Object.fromEntries(templatePlaceholders(q.text).map((name) => [name, row.templateValue(name)]));
    if (targets.some((t) => t === null) || Object.values(vars).some((v) => v === null) || videoKey === null) return [];
    const rendered = templates.render(q.key, `${videoKey}|${key}`, vars as Record<string, string | number>);
    if (rendered === null) return [];
    return [{ key, kind: q.key, templateKey: rendered.templateKey, text: rendered.text, targets: targets.filter((t) => t !== null) }];
  });
  if (videoKey === null) return null;
  return { videoKey, mediaPath, split, clip, metadata, labels, questions };
}

/** Edited templates may only use columns the mapping already reads per row. */
function checkTemplateColumns(templates: readonly QuestionTemplate[], mapping: GenericMapping): void {
  const known = new Set(mapping.questions.map((q) => q.key));
  for (const template of templates) {
    if (!known.has(template.kind)) continue;
    const mappingText = mapping.questions.find((q) => q.key === template.kind)?.text ?? "";
    const allowed = new Set(templatePlaceholders(mappingText));
    for (const name of templatePlaceholders(template.text)) {
      if (!allowed.has(name)) {
        throw new TemplateError(
          `template "${template.key}" uses {${name}}; the mapping's question "${template.kind}" offers ${[...allowed].map((a) => `{${a}}`).join(", ") || "none"}`,
        );
      }
    }
  }
}
