import path from "node:path";
import { FatalImportError, type ImportErrorCollector } from "../errors";
import { FINEDIVING_FILE_NAMES } from "./annotation-files";
import { readPickle } from "./unpickle";

/** One annotation file's records, keyed as unpickled ((event, index) tuples as arrays). */
interface AnnotationFile {
  file: string;
  records: Map<unknown, unknown>;
}

/** The two halves of a dive: either may be missing. */
export interface AnnotationSet {
  coarse: AnnotationFile | null;
  fine: AnnotationFile | null;
}

type Contents =
  | { kind: "coarse" | "fine-grained"; records: Map<unknown, unknown> }
  | { kind: "other-method" | "sub-action table" | "split list" | "unknown" };

/**
 * Reads the file given and its companions, and tells them apart by what they hold (uploads may be
 * renamed): dive records with `frames_labels` are the fine-grained file, other dive records the
 * coarse one. A pickle of the set that holds no dives (a split list, the sub-action table, the
 * other method's training file) is accepted as the entry point when the dives are beside it.
 */
export async function readAnnotationSet(
  annotationPath: string,
  file: string,
  options: { coarsePath?: string; fineGrainedPath?: string; errors: ImportErrorCollector },
): Promise<AnnotationSet> {
  const set: AnnotationSet = { coarse: null, fine: null };
  const main = classify(await readPickle(annotationPath, file));
  place(set, main, file);
  for (const companion of [options.coarsePath, options.fineGrainedPath]) {
    if (companion === undefined || path.resolve(companion) === path.resolve(annotationPath)) continue;
    const name = path.basename(companion);
    const contents = classify(await readPickle(companion, name));
    if (contents.kind !== "coarse" && contents.kind !== "fine-grained") {
      throw new FatalImportError({
        file: name,
        reason: "wrong structure: expected a dict of dive records keyed by (event name, index) tuples",
      });
    }
    place(set, contents, name);
  }
  if (set.coarse === null && set.fine === null) throw new FatalImportError({ file, reason: withoutDives(main.kind) });
  if (main.kind === "other-method") {
    options.errors.warn({
      file,
      reason: `another method's training file (values are 5-element lists, not FineDiving records): not read; the dives come from ${[set.coarse?.file, set.fine?.file].filter(Boolean).join(" and ")}`,
    });
  }
  return set;
}

/** One warning for the half of the annotation set that is missing as a whole. */
export function warnAboutMissingHalf(set: AnnotationSet, errors: ImportErrorCollector): void {
  if (set.fine === null && set.coarse !== null) {
    errors.warn({
      file: set.coarse.file,
      field: "frames_labels",
      reason: `no sub-actions: the coarse file has none, so no sub-action, sequence or full-assessment questions and no timeline; put ${FINEDIVING_FILE_NAMES.fineGrained} beside it`,
    });
  }
  if (set.coarse === null && set.fine !== null && [...set.fine.records.values()].some(lacksJudgeScores)) {
    errors.warn({
      file: set.fine.file,
      field: "judge_scores",
      reason: `no judge scores: the fine-grained file has none; put ${FINEDIVING_FILE_NAMES.coarse} beside it`,
    });
  }
}

/** A warning for a dive found in only one of the two files when both were read. */
export function warnAboutMissingRecord(
  found: { coarse: unknown; fine: unknown },
  set: AnnotationSet,
  recordKey: string,
  errors: ImportErrorCollector,
): void {
  if (set.coarse === null || set.fine === null) return;
  if (found.coarse === null)
    errors.warn({ file: set.fine.file, recordKey, reason: `not in ${set.coarse.file}: no judge scores for this dive` });
  if (found.fine === null)
    errors.warn({ file: set.coarse.file, recordKey, reason: `not in ${set.fine.file}: no sub-actions for this dive` });
}

function classify(value: unknown): Contents {
  if (Array.isArray(value)) return { kind: "split list" };
  if (!(value instanceof Map)) return { kind: "unknown" };
  const first = value.values().next();
  if (first.done === true) return { kind: "coarse", records: value };
  if (Array.isArray(first.value)) return { kind: "other-method" };
  if (typeof first.value === "string") return { kind: "sub-action table" };
  if (!(first.value instanceof Map)) return { kind: "unknown" };
  return { kind: first.value.has("frames_labels") ? "fine-grained" : "coarse", records: value };
}

function place(set: AnnotationSet, contents: Contents, file: string): void {
  if (contents.kind === "coarse") set.coarse ??= { file, records: contents.records };
  else if (contents.kind === "fine-grained") set.fine ??= { file, records: contents.records };
}

function lacksJudgeScores(record: unknown): boolean {
  return record instanceof Map && !record.has("judge_scores");
}

function withoutDives(kind: Contents["kind"]): string {
  const wanted = `${FINEDIVING_FILE_NAMES.coarse} and ${FINEDIVING_FILE_NAMES.fineGrained}`;
  switch (kind) {
    case "other-method":
      return `this is another method's training file (${FINEDIVING_FILE_NAMES.otherMethod}: values are 5-element lists, not FineDiving records); import ${wanted} (or their folder) instead`;
    case "sub-action table":
    case "split list":
      return `this is FineDiving's ${kind}, which holds no dives, and neither ${FINEDIVING_FILE_NAMES.coarse} nor ${FINEDIVING_FILE_NAMES.fineGrained} is beside it`;
    default:
      return "wrong structure: expected a dict keyed by (event name, index) tuples";
  }
}
