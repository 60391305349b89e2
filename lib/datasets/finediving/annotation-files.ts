import { existsSync, statSync } from "node:fs";
import path from "node:path";

/** The file names of FineDiving's published annotation set (its `Annotations/` folder). */
export const FINEDIVING_FILE_NAMES = {
  coarse: "FineDiving_coarse_annotation.pkl",
  fineGrained: "FineDiving_fine-grained_annotation.pkl",
  subActionTable: "Sub_action_Types_Table.pkl",
  /** Another method's training file (TSA's): values are 5-element lists, not dive records. */
  otherMethod: "fine-grained_annotation_aqa.pkl",
} as const;

export interface FineDivingFileSet {
  /** The file the import reads first: the one given, or for a folder the best annotation in it. */
  file: string;
  coarsePath?: string;
  fineGrainedPath?: string;
  subActionTablePath?: string;
  /** Split name → split pickle. */
  splitPaths?: Record<string, string>;
}

/**
 * The annotation set around a path: a folder (the `Annotations/` folder, or the dataset folder
 * holding one) or any pickle of the set, whose companions are looked for beside it. Only files
 * that exist are named; a folder without an annotation pickle keeps the folder as `file`.
 */
export function findFineDivingFiles(given: string): FineDivingFileSet {
  const isFolder = statSync(given, { throwIfNoEntry: false })?.isDirectory() === true;
  const folder = isFolder ? annotationFolder(given) : path.dirname(given);
  const beside = (name: string) => {
    const candidate = path.join(folder, name);
    return existsSync(candidate) ? candidate : undefined;
  };
  const coarsePath = beside(FINEDIVING_FILE_NAMES.coarse);
  const fineGrainedPath = beside(FINEDIVING_FILE_NAMES.fineGrained);
  const subActionTablePath = beside(FINEDIVING_FILE_NAMES.subActionTable);
  const splits = Object.fromEntries(
    ["train", "test", "val"].flatMap((split) => {
      const found = beside(`${split}_split.pkl`);
      return found === undefined ? [] : [[split, found] as const];
    }),
  );
  const file = isFolder ? (fineGrainedPath ?? coarsePath ?? beside(FINEDIVING_FILE_NAMES.otherMethod) ?? given) : given;
  return {
    file,
    ...(coarsePath ? { coarsePath } : {}),
    ...(fineGrainedPath ? { fineGrainedPath } : {}),
    ...(subActionTablePath ? { subActionTablePath } : {}),
    ...(Object.keys(splits).length > 0 ? { splitPaths: splits } : {}),
  };
}

/** A dataset folder with an `Annotations/` folder inside leads there; any other folder is itself. */
function annotationFolder(folder: string): string {
  const nested = path.join(folder, "Annotations");
  const hasOwn = [FINEDIVING_FILE_NAMES.coarse, FINEDIVING_FILE_NAMES.fineGrained].some((name) => existsSync(path.join(folder, name)));
  return !hasOwn && statSync(nested, { throwIfNoEntry: false })?.isDirectory() === true ? nested : folder;
}
