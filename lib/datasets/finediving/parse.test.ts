import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportErrorCollector } from "../errors";
import { collectItems, makeTempDir, removeTempDir } from "../testing/collect";
import type { ImportedItem } from "../types";
import { pickle, py } from "./fixtures/pickle-writer";
import {
  coarseRecord,
  type FineDivingFixturePaths,
  fineGrainedRecord,
  subActionId,
  writeFineDivingAnnotations,
  type FixtureDive,
} from "./fixtures/write-fixtures";
import { parseFineDiving } from "./parse";
import type { DiveRecord } from "./schema";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("finediving");
});
afterAll(async () => {
  await removeTempDir(dir);
});

const INDIVIDUAL: FixtureDive = {
  event: "FINADivingWorldCup2021_Men3m_final_r1",
  index: 0,
  actionType: "5253b",
  difficulty: 3.3,
  judgeScores: [8.5, 9.0, 8.0, 8.5, 9.5, 8.5, 9.0],
  steps: [
    { name: "Back", frames: 4 },
    { name: "2.5 Soms.Pike", frames: 6 },
    { name: "1.5 Twists", frames: 3 },
    { name: "Entry", frames: 2 },
  ],
  split: "train",
};
const SYNCHRONISED: FixtureDive = {
  event: "FullMenSynchronised10mPlatform_Tokyo2020Replays_2",
  index: 16,
  actionType: "207c",
  difficulty: 3.6,
  judgeScores: [9.0, 9.5, 9.0, 8.5, 9.0],
  steps: [
    { name: "Back", frames: 3 },
    { name: "3.5 Soms.Tuck", frames: 5 },
    { name: "Entry", frames: 2 },
  ],
  diveScore: 95.5,
  split: "test",
};

async function parse(file: string, options: Partial<Parameters<typeof parseFineDiving>[1]> = {}) {
  const errors = new ImportErrorCollector();
  const items = await collectItems(parseFineDiving(file, { errors, ...options }));
  return { items, errors };
}

function dive(item: ImportedItem | undefined): DiveRecord {
  return item?.labels.find((label) => label.kind === "dive")?.value as DiveRecord;
}

function setOf(paths: FineDivingFixturePaths) {
  return { coarsePath: paths.coarse, subActionTablePath: paths.subActionTable, splitPaths: paths.splits };
}

describe("parseFineDiving", () => {
  it("merges the coarse and fine-grained files by key into dive records with labels, splits and the five question kinds", async () => {
    const paths = await writeFineDivingAnnotations(path.join(dir, "good"), [INDIVIDUAL, SYNCHRONISED]);
    const { items, errors } = await parse(paths.fineGrained, setOf(paths));
    expect(errors.count).toBe(0);
    expect(items.map((item) => [item.videoKey, item.split, item.mediaPath])).toEqual([
      ["FINADivingWorldCup2021_Men3m_final_r1_0", "train", "finediving/FINADivingWorldCup2021_Men3m_final_r1_0.mp4"],
      [
        "FullMenSynchronised10mPlatform_Tokyo2020Replays_2_16",
        "test",
        "finediving/FullMenSynchronised10mPlatform_Tokyo2020Replays_2_16.mp4",
      ],
    ]);
    const first = items[0];
    expect(first?.metadata).toEqual({
      event: INDIVIDUAL.event,
      index: 0,
      frameDir: `FineDiving/${INDIVIDUAL.event}/0`,
      mediaSource: "unchecked",
      fps: 12,
    });

    const record = dive(first);
    // 7 judges: drop 2 high and 2 low → 8.5 + 8.5 + 9.0 = 26 × 3.3 = 85.8; judges and frame bounds from the coarse file.
    expect(record).toMatchObject({ action_type: "5253b", dive_score: 85.8, difficulty: 3.3, start_frame: 100, end_frame: 114 });
    expect(record.judge_scores).toEqual(INDIVIDUAL.judgeScores);
    expect(record.sub_actions).toEqual(["Back", "2.5 Soms.Pike", "1.5 Twists", "Entry"]);
    // The last frame of each step: Back is frames 0–3, the pike 4–9, the twists 10–12.
    expect(record.steps_transit_frames).toEqual([3, 9, 12]);
    expect(record.frames_labels).toHaveLength(15);
    expect(record.sub_action_types[String(subActionId("Entry"))]).toBe("Entry");
    expect(record.segments[1]).toEqual({
      sub_action_id: subActionId("2.5 Soms.Pike"),
      name: "2.5 Soms.Pike",
      start_frame: 4,
      end_frame: 9,
      start_sec: 0.333,
      end_sec: 0.833,
    });
    expect(record.segments.map((segment) => segment.end_frame).slice(0, -1)).toEqual(record.steps_transit_frames);

    expect(first?.labels.filter((l) => l.kind !== "dive")).toEqual([
      { key: "action_type", kind: "class", value: "5253b" },
      { key: "score", kind: "float", value: { value: 85.8, name: "score" } },
      { key: "difficulty", kind: "float", value: { value: 3.3, name: "difficulty" } },
      { key: "sequence", kind: "sequence", value: { actions: ["Back", "2.5 Soms.Pike", "1.5 Twists", "Entry"] } },
    ]);

    const questions = new Map(first?.questions.map((q) => [q.kind, q]));
    expect([...questions.keys()]).toEqual(["subaction-after", "subaction-before", "subaction-sequence", "aqa-full", "aqa-score"]);
    expect(questions.get("subaction-after")).toMatchObject({
      key: "finediving:after:0",
      text: "The diver starts with Back. Which sub-action follows it?",
      targets: [{ labelType: "class", label: "2.5 Soms.Pike" }],
    });
    expect(questions.get("subaction-before")).toMatchObject({
      text: "Which sub-action does the diver perform before 2.5 Soms.Pike?",
      targets: [{ labelType: "class", label: "Back" }],
    });
    expect(questions.get("aqa-full")?.targets).toEqual([
      { labelType: "sequence", label: { actions: ["Back", "2.5 Soms.Pike", "1.5 Twists", "Entry"] } },
      { labelType: "float", label: { value: 3.3, name: "difficulty" } },
      { labelType: "float", label: { value: 85.8, name: "score" } },
    ]);
    expect(questions.get("aqa-score")?.targets).toEqual([{ labelType: "float", label: { value: 85.8, name: "score" } }]);

    // The synchronised dive's recorded 95.5 disagrees with 45 × 3.6 × 0.6 = 97.2: a warning, kept.
    expect(dive(items[1]).dive_score).toBe(95.5);
    expect(errors.warnings).toEqual([
      {
        file: "FineDiving_coarse_annotation.pkl",
        recordKey: "FullMenSynchronised10mPlatform_Tokyo2020Replays_2_16",
        field: "dive_score",
        reason:
          "recorded dive_score 95.5 disagrees with the judges: 5 scores (synchronised): sum × difficulty × 0.6 gives 97.2 (kept 8.5, 9, 9, 9, 9.5, difficulty 3.6); the recorded score is kept",
      },
    ]);
  });

  it("keeps a revisited sub-action in its place in the sequence", async () => {
    const revisiting: FixtureDive = {
      ...INDIVIDUAL,
      index: 3,
      steps: [
        { name: "Reverse", frames: 3 },
        { name: "2.5 Soms.Pike", frames: 4 },
        { name: "2 Twists", frames: 3 },
        { name: "2.5 Soms.Pike", frames: 2 },
        { name: "Entry", frames: 2 },
      ],
    };
    const paths = await writeFineDivingAnnotations(path.join(dir, "revisit"), [revisiting]);
    const { items, errors } = await parse(paths.fineGrained, setOf(paths));
    expect(errors.count).toBe(0);
    const record = dive(items[0]);
    expect(record.sub_actions).toEqual(["Reverse", "2.5 Soms.Pike", "2 Twists", "2.5 Soms.Pike", "Entry"]);
    expect(record.segments.map((s) => [s.start_frame, s.end_frame])).toEqual([
      [0, 2],
      [3, 6],
      [7, 9],
      [10, 11],
      [12, 13],
    ]);
    expect(items[0]?.questions.find((q) => q.kind === "subaction-sequence")?.targets).toEqual([
      { labelType: "sequence", label: { actions: ["Reverse", "2.5 Soms.Pike", "2 Twists", "2.5 Soms.Pike", "Entry"] } },
    ]);
  });

  it("imports the fine-grained file alone with every question kind, warning once that it has no judge scores", async () => {
    const paths = await writeFineDivingAnnotations(path.join(dir, "fine-only"), [INDIVIDUAL, SYNCHRONISED]);
    const { items, errors } = await parse(paths.fineGrained);
    expect(errors.count).toBe(0);
    expect(items.map((item) => item.questions.length)).toEqual([5, 5]);
    expect(dive(items[0])).toMatchObject({ judge_scores: [], start_frame: null, end_frame: null, dive_score: 85.8 });
    expect(errors.warnings).toEqual([
      {
        file: "FineDiving_fine-grained_annotation.pkl",
        field: "judge_scores",
        reason: "no judge scores: the fine-grained file has none; put FineDiving_coarse_annotation.pkl beside it",
      },
    ]);
  });

  it("imports the coarse file alone with only the score question, warning once that it has no sub-actions", async () => {
    const paths = await writeFineDivingAnnotations(path.join(dir, "coarse-only"), [INDIVIDUAL]);
    const { items, errors } = await parse(paths.coarse);
    expect(errors.count).toBe(0);
    expect(items[0]?.questions.map((q) => q.kind)).toEqual(["aqa-score"]);
    expect(dive(items[0])).toMatchObject({ judge_scores: INDIVIDUAL.judgeScores, start_frame: 100, end_frame: 114, sub_actions: [] });
    expect(errors.warnings.map((w) => [w.file, w.field])).toEqual([["FineDiving_coarse_annotation.pkl", "frames_labels"]]);
  });

  it("starts from any pickle of the set, and says what the other method's training file is", async () => {
    const paths = await writeFineDivingAnnotations(path.join(dir, "entry"), [INDIVIDUAL, SYNCHRONISED], { otherMethod: true });
    const merged = await parse(paths.fineGrained, setOf(paths));
    const companions = { ...setOf(paths), fineGrainedPath: paths.fineGrained };
    const fromSplit = await parse(paths.splits.train, companions);
    expect(fromSplit.errors.count).toBe(0);
    expect(fromSplit.items).toEqual(merged.items);

    const fromOther = await parse(paths.otherMethod, companions);
    expect(fromOther.items).toEqual(merged.items);
    expect(fromOther.errors.warnings[0]).toEqual({
      file: "fine-grained_annotation_aqa.pkl",
      reason:
        "another method's training file (values are 5-element lists, not FineDiving records): not read; the dives come from FineDiving_coarse_annotation.pkl and FineDiving_fine-grained_annotation.pkl",
    });

    const alone = await parse(paths.otherMethod);
    expect(alone.items).toEqual([]);
    expect(alone.errors.errors).toEqual([
      {
        file: "fine-grained_annotation_aqa.pkl",
        reason:
          "this is another method's training file (fine-grained_annotation_aqa.pkl: values are 5-element lists, not FineDiving records); import FineDiving_coarse_annotation.pkl and FineDiving_fine-grained_annotation.pkl (or their folder) instead",
      },
    ]);
  });

  it("warns about a dive that only one of the two files has", async () => {
    const coarseDir = await writeFineDivingAnnotations(path.join(dir, "partial-coarse"), [INDIVIDUAL, SYNCHRONISED]);
    const fineDir = await writeFineDivingAnnotations(path.join(dir, "partial-fine"), [INDIVIDUAL]);
    const { items, errors } = await parse(fineDir.fineGrained, { coarsePath: coarseDir.coarse });
    expect(items.map((item) => item.questions.length)).toEqual([5, 1]);
    expect(errors.warnings.map((w) => [w.recordKey, w.reason])).toContainEqual([
      `${SYNCHRONISED.event}_16`,
      "not in FineDiving_fine-grained_annotation.pkl: no sub-actions for this dive",
    ]);
  });

  it("yields identical records when parsed twice", async () => {
    const paths = await writeFineDivingAnnotations(path.join(dir, "twice"), [INDIVIDUAL, SYNCHRONISED]);
    const once = await parse(paths.fineGrained, setOf(paths));
    const again = await parse(paths.fineGrained, setOf(paths));
    expect(again.items).toEqual(once.items);
  });

  it("uses the sub-action table for ids a record does not name, and reports ids nobody names", async () => {
    const record = fineGrainedRecord(INDIVIDUAL) as ReturnType<typeof py.dict>;
    const withoutNames = py.dict(record.entries.filter(([key]) => key !== "sub-action_types"));
    const file = path.join(dir, "no-names.pkl");
    await writeFile(file, pickle(py.dict([[py.tuple("Event", 1), withoutNames]])));
    const paths = await writeFineDivingAnnotations(path.join(dir, "table"), []);
    const named = await parse(file, { subActionTablePath: paths.subActionTable });
    expect(named.errors.count).toBe(0);
    expect(dive(named.items[0]).sub_actions).toEqual(["Back", "2.5 Soms.Pike", "1.5 Twists", "Entry"]);

    const unnamed = await parse(file);
    expect(unnamed.items).toEqual([]);
    const ids = [subActionId("Back"), subActionId("2.5 Soms.Pike"), subActionId("1.5 Twists"), subActionId("Entry")].join(", ");
    expect(unnamed.errors.errors).toEqual([
      {
        file: "no-names.pkl",
        recordKey: "Event_1",
        field: "frames_labels",
        reason: `sub-action ids ${ids} have no name (neither in sub-action_types nor in the table)`,
      },
    ]);
  });

  it("checks the score of a coarse record against its judges", async () => {
    const file = path.join(dir, "coarse.pkl");
    const dive: FixtureDive = {
      ...INDIVIDUAL,
      actionType: "107b",
      difficulty: 3.0,
      judgeScores: [7, 6.5, 7, 6.5, 7, 6.5, 6.5],
      diveScore: 60,
    };
    await writeFile(file, pickle(py.dict([[py.tuple("Event", 2), coarseRecord(dive)]])));
    const { items, errors } = await parse(file);
    expect(errors.count).toBe(0);
    // Sorted 6.5 6.5 [6.5 6.5 7] 7 7: the middle three sum to 20, × 3.0 = 60, as recorded.
    expect(errors.warnings.filter((w) => w.field === "dive_score")).toEqual([]);
    expect(items.map((item) => item.labels.find((label) => label.kind === "dive")?.value)).toMatchObject([
      { judge_scores: dive.judgeScores },
    ]);
  });

  it("names the record and field of a missing or wrong field", async () => {
    const record = fineGrainedRecord(INDIVIDUAL) as ReturnType<typeof py.dict>;
    const missing = py.dict(record.entries.filter(([key]) => key !== "difficulty"));
    const wrong = py.dict(record.entries.map(([key, value]) => (key === "dive_score" ? [key, "high"] : [key, value])));
    const file = path.join(dir, "fields.pkl");
    await writeFile(
      file,
      pickle(
        py.dict([
          [py.tuple("Event", 1), missing],
          [py.tuple("Event", 2), wrong],
          ["not-a-tuple", record],
          [py.tuple("Event", 3), [1, 2]],
        ]),
      ),
    );
    const { items, errors } = await parse(file);
    expect(items).toEqual([]);
    expect(errors.errors).toEqual([
      { file: "fields.pkl", recordKey: "Event_1", field: "difficulty", reason: "missing field" },
      { file: "fields.pkl", recordKey: "Event_2", field: "dive_score", reason: "Invalid input: expected number, received string" },
      { file: "fields.pkl", recordKey: '"not-a-tuple"', reason: "wrong structure: the key is not an (event name, index) tuple" },
      { file: "fields.pkl", recordKey: "Event_3", reason: "wrong structure: the record is not a dict" },
    ]);
  });

  it("rejects a file that is not a pickle, a truncated pickle and a pickle of the wrong shape", async () => {
    const notPickle = path.join(dir, "annotations.pkl");
    await writeFile(notPickle, "label,youtube_id\n");
    expect((await parse(notPickle)).errors.errors).toEqual([
      { file: "annotations.pkl", reason: "not a pickle (protocol 2 or later expected: the file does not start with the PROTO opcode)" },
    ]);

    const paths = await writeFineDivingAnnotations(path.join(dir, "trunc"), [INDIVIDUAL]);
    const bytes = await readFile(paths.fineGrained);
    const truncated = path.join(dir, "truncated.pkl");
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const truncatedErrors = (await parse(truncated)).errors.errors;
    expect(truncatedErrors).toHaveLength(1);
    expect(truncatedErrors[0]?.file).toBe("truncated.pkl");
    expect(truncatedErrors[0]?.reason).toMatch(/^not a readable pickle: /);

    const list = path.join(dir, "list.pkl");
    await writeFile(list, pickle([py.tuple("Event", 1)]));
    expect((await parse(list)).errors.errors).toEqual([
      {
        file: "list.pkl",
        reason:
          "this is FineDiving's split list, which holds no dives, and neither FineDiving_coarse_annotation.pkl nor FineDiving_fine-grained_annotation.pkl is beside it",
      },
    ]);
    const number = path.join(dir, "number.pkl");
    await writeFile(number, pickle(3));
    expect((await parse(number)).errors.errors).toEqual([
      { file: "number.pkl", reason: "wrong structure: expected a dict keyed by (event name, index) tuples" },
    ]);

    expect((await parse(paths.fineGrained, { splitPaths: { train: paths.fineGrained } })).errors.errors).toEqual([
      { file: "FineDiving_fine-grained_annotation.pkl", reason: "wrong structure: expected a list of (event name, index) tuples" },
    ]);
  });

  it("finds an existing MP4 or a frame folder under the media root, and reports dives with neither", async () => {
    const mediaRoot = path.join(dir, "media");
    const third = { ...INDIVIDUAL, index: 7 };
    await mkdir(path.join(mediaRoot, "finediving"), { recursive: true });
    await writeFile(path.join(mediaRoot, "finediving", `${INDIVIDUAL.event}_0.mp4`), "x");
    const frames = path.join(mediaRoot, "FineDiving", SYNCHRONISED.event, "16");
    await mkdir(frames, { recursive: true });
    for (const n of [489, 490, 491]) await writeFile(path.join(frames, `00${n}.jpg`), "x");
    const paths = await writeFineDivingAnnotations(path.join(dir, "media-annotations"), [INDIVIDUAL, SYNCHRONISED, third]);
    const { items, errors } = await parse(paths.fineGrained, { checkMedia: true, mediaRoot });
    expect(items.map((item) => item.metadata.mediaSource)).toEqual(["mp4", "frames"]);
    expect(errors.errors).toEqual([
      {
        file: "FineDiving_fine-grained_annotation.pkl",
        recordKey: `${INDIVIDUAL.event}_7`,
        field: "frames",
        reason: `unknown video: neither "finediving/${INDIVIDUAL.event}_7.mp4" nor frames in "FineDiving/${INDIVIDUAL.event}/7/" under the media root (to import the annotations now and add the media later, import without the media check: --no-media-check, or untick "Every clip must exist")`,
      },
    ]);
    expect(errors.warnings.map((w) => w.reason)).toContain(`10 frame labels for 3 frames in "FineDiving/${SYNCHRONISED.event}/16/"`);
  });
});
