import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { FatalImportError } from "../errors";
import { templatePlaceholders } from "../templates/render";
import type { QuestionTemplate } from "../types";

/**
 * The mapping file of a generic import: which column holds what. Column names refer to CSV header
 * names or JSONL object keys (a dotted name like "meta.start" reaches into nested JSONL objects).
 *
 * {
 *   "videoKey": "clip_id",                       required: unique per row, stable
 *   "mediaPath": "file",                         optional: path under the media root
 *   "split": "split",                            optional: a column, or { "literal": "train" }
 *   "clip": { "start": "t0", "end": "t1" },      optional: seconds into the media file
 *   "metadata": ["source", "duration"],          optional: columns copied into metadata
 *   "labels": [ { "key": "caption", "labelType": "caption", "from": "caption" } ],
 *   "questions": [
 *     { "key": "when",
 *       "text": "When does the person {action}?",            a template over columns: a literal
 *                                                            when it has no {placeholder}, "{q}"
 *                                                            to take the text from column q
 *       "targets": [ { "labelType": "interval", "from": { "start": "a_start", "end": "a_end" } } ] }
 *   ]
 * }
 *
 * `from` per label type: class / caption → "column"; float → { "value": "column", "name": "score" }
 * (name is literal); bbox → { "box": "column" } (a JSON array) or { "x1", "y1", "x2", "y2" } columns,
 * normalised to [0, 1]; interval → { "start", "end", "duration"? }; timestamp → { "time", "duration"? }
 * ("duration": the clip's length in seconds, which the released rules divide times by; without it
 * the cycle engine uses the probed length of the video); sequence →
 * { "actions": "column", "separator": "|" } (a JSON array, an array in JSONL, or separated text);
 * same → { "same": "column" } (true/false, yes/no, 1/0).
 */

const column = z.string().min(1);

const targetMappingSchema = z.discriminatedUnion("labelType", [
  z.object({ labelType: z.literal("class"), from: column }),
  z.object({ labelType: z.literal("caption"), from: column }),
  z.object({ labelType: z.literal("float"), from: z.object({ value: column, name: z.string().min(1) }) }),
  z.object({
    labelType: z.literal("bbox"),
    from: z.union([z.object({ box: column }), z.object({ x1: column, y1: column, x2: column, y2: column })]),
  }),
  z.object({ labelType: z.literal("interval"), from: z.object({ start: column, end: column, duration: column.optional() }) }),
  z.object({ labelType: z.literal("timestamp"), from: z.object({ time: column, duration: column.optional() }) }),
  z.object({ labelType: z.literal("sequence"), from: z.object({ actions: column, separator: z.string().min(1).default("|") }) }),
  z.object({ labelType: z.literal("same"), from: z.object({ same: column }) }),
]);
export type TargetMapping = z.infer<typeof targetMappingSchema>;

const questionKey = z.string().regex(/^[A-Za-z0-9_-]+$/, "use letters, digits, '-' and '_'");

const genericMappingSchema = z
  .object({
    format: z.enum(["csv", "jsonl"]).optional(),
    videoKey: column,
    mediaPath: column.optional(),
    split: z.union([column, z.object({ literal: z.string() })]).optional(),
    clip: z.object({ start: column, end: column }).optional(),
    metadata: z.array(column).default([]),
    labels: z.array(targetMappingSchema.and(z.object({ key: questionKey }))).default([]),
    questions: z.array(z.object({ key: questionKey, text: z.string().min(1), targets: z.array(targetMappingSchema).min(1) })).default([]),
  })
  .superRefine((mapping, context) => {
    const keys = mapping.questions.map((q) => q.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index)
        context.addIssue({ code: "custom", path: ["questions", index, "key"], message: `question key "${key}" is used twice` });
    });
    mapping.questions.forEach((q, index) => {
      try {
        templatePlaceholders(q.text);
      } catch (error) {
        context.addIssue({ code: "custom", path: ["questions", index, "text"], message: (error as Error).message });
      }
    });
  });
export type GenericMapping = z.infer<typeof genericMappingSchema>;

/** Reads and validates a mapping file; problems become a FatalImportError naming it and the field. */
export async function readGenericMapping(mappingPath: string): Promise<GenericMapping> {
  const file = path.basename(mappingPath);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(mappingPath, "utf8"));
  } catch (error) {
    throw new FatalImportError({ file, reason: `not a readable JSON mapping: ${(error as Error).message}` });
  }
  return parseGenericMapping(raw, file);
}

export function parseGenericMapping(raw: unknown, file = "mapping"): GenericMapping {
  const parsed = genericMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".");
    throw new FatalImportError({ file, ...(field ? { field } : {}), reason: `invalid mapping: ${issue?.message ?? "unknown problem"}` });
  }
  return parsed.data;
}

/** Every column the mapping reads (for checking a CSV header). */
export function mappedColumns(mapping: GenericMapping): string[] {
  const columns = new Set<string>([mapping.videoKey]);
  if (mapping.mediaPath) columns.add(mapping.mediaPath);
  if (typeof mapping.split === "string") columns.add(mapping.split);
  const add = (names: Iterable<string>) => {
    for (const name of names) columns.add(name);
  };
  if (mapping.clip) add([mapping.clip.start, mapping.clip.end]);
  add(mapping.metadata);
  for (const target of [...mapping.labels, ...mapping.questions.flatMap((q) => q.targets)]) add(targetColumns(target));
  for (const q of mapping.questions) add(templatePlaceholders(q.text));
  return [...columns];
}

function targetColumns(target: TargetMapping): string[] {
  const from = target.from;
  if (typeof from === "string") return [from];
  return Object.entries(from)
    .filter(([key]) => key !== "name" && key !== "separator")
    .map(([, value]) => value);
}

/**
 * The question templates of a generic dataset, from its mapping: kind = the question's key. The
 * lead stores them like any dataset's; passing edited ones back to `parseGeneric` applies them.
 */
export function genericTemplates(mapping: GenericMapping): QuestionTemplate[] {
  return mapping.questions.map((q) => ({ key: `generic.${q.key}`, kind: q.key, text: q.text }));
}
