import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importOptionsSchema, withCompanionFiles } from "../import-options";
import { makeTempDir, removeTempDir } from "../testing/collect";
import { findFineDivingFiles } from "./annotation-files";
import { writeFineDivingAnnotations } from "./fixtures/write-fixtures";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("finediving-files");
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe("findFineDivingFiles", () => {
  it("finds the whole set from the dataset folder, the Annotations folder or any pickle in it", async () => {
    const paths = await writeFineDivingAnnotations(path.join(dir, "FineDiving"), [], { otherMethod: true });
    const expected = {
      file: paths.fineGrained,
      coarsePath: paths.coarse,
      fineGrainedPath: paths.fineGrained,
      subActionTablePath: paths.subActionTable,
      splitPaths: paths.splits,
    };
    expect(findFineDivingFiles(path.join(dir, "FineDiving"))).toEqual(expected);
    expect(findFineDivingFiles(paths.dir)).toEqual(expected);
    expect(findFineDivingFiles(paths.splits.test)).toEqual({ ...expected, file: paths.splits.test });
    expect(findFineDivingFiles(paths.otherMethod)).toEqual({ ...expected, file: paths.otherMethod });
  });

  it("names only the files that exist, and keeps a folder without annotations as it is", async () => {
    const lone = path.join(dir, "lone");
    await mkdir(lone, { recursive: true });
    const coarse = path.join(lone, "FineDiving_coarse_annotation.pkl");
    await writeFile(coarse, "");
    expect(findFineDivingFiles(lone)).toEqual({ file: coarse, coarsePath: coarse });
    const empty = path.join(dir, "empty");
    await mkdir(empty);
    expect(findFineDivingFiles(empty)).toEqual({ file: empty });
  });

  it("fills an import's options from a folder, keeping what was given", async () => {
    const paths = await writeFineDivingAnnotations(path.join(dir, "options"), []);
    const options = importOptionsSchema.parse({ datasetName: "FineDiving", format: "finediving", file: path.dirname(paths.dir) });
    expect(withCompanionFiles(options)).toMatchObject({
      file: paths.fineGrained,
      coarsePath: paths.coarse,
      fineGrainedPath: paths.fineGrained,
      splitPaths: paths.splits,
    });
    expect(withCompanionFiles({ ...options, coarsePath: "/elsewhere/coarse.pkl" }).coarsePath).toBe("/elsewhere/coarse.pkl");
  });
});
