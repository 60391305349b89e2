import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportErrorCollector } from "../errors";
import { collectItems, makeTempDir, removeTempDir } from "../testing/collect";
import { np, pickle, py } from "../finediving/fixtures/pickle-writer";
import { readableAlternatives, readStarClassFile } from "./classes";
import { parseStar } from "./parse";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("star");
});
afterAll(async () => {
  await removeTempDir(dir);
});

const situations = {
  "000300": {
    actions: ["a001"],
    bbox: [
      [0, 0, 64, 480],
      [320, 240, 640, 480],
    ],
    bbox_labels: ["o000", "o002"],
    rel_pairs: [["o000", "o002"]],
    rel_labels: ["r001"],
  },
  "000360": { actions: ["a001", "a002"], bbox: [[320, 240, 640, 480]], bbox_labels: ["o002"], rel_pairs: [], rel_labels: [] },
  "000420": {
    actions: ["a002"],
    bbox: [
      [0, 0, 320, 240],
      [320, 240, 640, 480],
    ],
    bbox_labels: ["o001", "o002"],
    rel_pairs: [],
    rel_labels: [],
  },
};

function qa(id: string, overrides: Record<string, unknown> = {}) {
  return {
    question_id: id,
    question: "Which object was put down by the person?",
    video_id: "ABC12",
    start: 9.5,
    end: 14.5,
    answer: "The box.",
    question_program: [{ function: "Situations", value_input: [] }],
    choices: [
      { choice_id: 0, choice: "The box.", choice_program: [] },
      { choice_id: 1, choice: "The cup.", choice_program: [] },
      { choice_id: 2, choice: "The bag.", choice_program: [] },
      { choice_id: 3, choice: "The book.", choice_program: [] },
    ],
    situations,
    ...overrides,
  };
}

async function json(name: string, value: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(value, null, 1));
  return file;
}

const classNames = {
  actions: { a001: "walk to the box", a002: "tidy up a closet/cabinet" },
  objects: { o000: "person", o001: "cup/glass/bottle", o002: "box" },
};

describe("parseStar", () => {
  it("groups questions by clip and derives the paper's question kinds", async () => {
    const file = await json("STAR_val.json", [
      qa("Interaction_T1_1"),
      qa("Other_T1_9", { video_id: "XYZ99", start: 1, end: 2, answer: "Walked.", situations: {} }),
      qa("Sequence_T2_4", { question: "What did the person do first?", answer: "Walked to the box." }),
    ]);
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseStar(file, { errors, classNames }));
    expect(errors.count).toBe(0);
    // No fps file and nothing probed: 30 fps and 640×480 are assumed, and the import says so.
    expect(errors.warnings).toEqual([
      {
        file: "STAR_val.json",
        field: "fps",
        reason: "clips' frame rates: 2 assumed 30 fps (not in an fps file, video not probed); frame sizes (for boxes): 2 assumed 640×480",
      },
    ]);
    // Clips come in order of their first question.
    expect(items.map((item) => item.videoKey)).toEqual(["ABC12_9.5_14.5", "XYZ99_1_2"]);

    const clip = items[0];
    expect(clip).toMatchObject({ mediaPath: "ABC12.mp4", split: "val", clip: { startSec: 9.5, endSec: 14.5 } });
    expect(clip?.metadata.question_ids).toEqual(["Interaction_T1_1", "Sequence_T2_4"]);
    const byKind = new Map(clip?.questions.map((q) => [q.kind, q]));

    expect(clip?.questions.filter((q) => q.kind === "star-qa").map((q) => [q.key, q.text, q.targets])).toEqual([
      ["star:qa:Interaction_T1_1", "Which object was put down by the person?", [{ labelType: "class", label: "The box" }]],
      ["star:qa:Sequence_T2_4", "What did the person do first?", [{ labelType: "class", label: "Walked to the box" }]],
    ]);
    expect(byKind.get("star-between")?.targets).toEqual([
      { labelType: "sequence", label: { actions: ["walk to the box", "tidy up a closet/cabinet"] } },
    ]);
    // The clip is the window 9.5–14.5 s, cut out at ingest: times count from its start.
    expect(byKind.get("star-between")?.text).toMatch(/ 0s .* 5s/);
    expect(clip?.metadata).toMatchObject({ clipWindow: "cut", window: { start: 9.5, end: 14.5 } });

    // 30 fps: frame 300 → 10 s, 360 → 12 s, 420 → 14 s of the video; 0.5, 2.5 and 4.5 s of the clip.
    const when = byKind.get("star-when");
    const spans: Record<string, { start: number; end: number }> = {
      "star:when:a001": { start: 0.5, end: 2.5 },
      "star:when:a002": { start: 2.5, end: 4.5 },
    };
    expect(Object.keys(spans)).toContain(when?.key);
    // With the clip's length (the 5 s window), which the released rule divides times by.
    expect(when?.targets).toEqual([{ labelType: "interval", label: { ...spans[when?.key ?? ""], duration: 5 } }]);
    // Base-form phrases read as English; slash alternatives are spelt out.
    const phrase = when?.key === "star:when:a001" ? "walk to the box" : "tidy up a closet or cabinet";
    expect([
      `When does the person ${phrase}? Give the start and end times in seconds.`,
      `In which time span of the video does the person ${phrase}?`,
    ]).toContain(when?.text);

    const objectAt = byKind.get("star-object-at");
    expect(objectAt?.key).toMatch(/^star:object-at:\d{6}:o00[12]$/);
    const objectId = objectAt?.key.split(":")[3];
    expect(objectAt?.targets).toEqual([{ labelType: "class", label: objectId === "o001" ? "cup/glass/bottle" : "box" }]);
    // Boxes are normalised by the default 640×480 frame; the person (o000) is never asked about.
    expect(objectAt?.text).toMatch(objectId === "o001" ? /\[0, 0, 0\.5, 0\.5\]/ : /\[0\.5, 0\.5, 1, 1\]/);

    const same = byKind.get("star-same-object");
    const [, , , idA, , idB] = same?.key.split(":") ?? [];
    expect(same?.targets).toEqual([{ labelType: "same", label: { same: idA === idB } }]);

    expect(clip?.labels).toContainEqual({
      key: "interval:a001",
      kind: "interval",
      value: { start: 0.5, end: 2.5, action: "walk to the box" },
    });
    expect(clip?.labels).toContainEqual({
      key: "sequence",
      kind: "sequence",
      value: { actions: ["walk to the box", "tidy up a closet/cabinet"] },
    });
    expect(clip?.metadata.keyframes).toHaveLength(3);

    // A clip without situations only gets its original question.
    expect(items[1]?.questions.map((q) => q.kind)).toEqual(["star-qa"]);
  });

  it("uses fps and frame size options and yields identical records on re-parse", async () => {
    const file = await json("STAR_train.json", [qa("Interaction_T1_1", { start: 4.5, end: 7.5 })]);
    const options = { classNames, fps: 60, videos: { ABC12: { width: 1280, height: 960 } } };
    const once = await collectItems(parseStar(file, { errors: new ImportErrorCollector(), ...options }));
    const again = await collectItems(parseStar(file, { errors: new ImportErrorCollector(), ...options }));
    expect(again).toEqual(once);
    expect(once[0]?.split).toBe("train");
    expect(once[0]?.metadata.geometry).toEqual({ fps: 60, width: 1280, height: 960, fpsSource: "given", sizeSource: "given" });
    const keyframes = once[0]?.metadata.keyframes as { time: number; objects: { box: number[] }[] }[];
    // 60 fps: frames 300, 360, 420 are 5, 6 and 7 s of the video, 0.5, 1.5 and 2.5 s of the window from 4.5 s.
    expect(keyframes.map((k) => k.time)).toEqual([0.5, 1.5, 2.5]);
    expect(keyframes[0]?.objects[1]?.box).toEqual([0.25, 0.25, 0.5, 0.5]);
  });

  it("times frames by STAR's per-video fps file, else by the probed rate, and normalises boxes by the probed size", async () => {
    const fpsFile = path.join(dir, "video_fps");
    await writeFile(
      fpsFile,
      pickle(
        py.dict([
          ["ABC12.mp4", np.float64(25)],
          ["OTHER.mp4", py.float(29.97)],
        ]),
      ),
    );
    const file = await json("STAR_test.json", [
      qa("Interaction_T1_1", { start: 11, end: 17 }),
      qa("Interaction_T1_7", { video_id: "XYZ99", start: 19, end: 29 }),
    ]);
    const probed: string[] = [];
    const probeVideo = async (mediaPath: string) => {
      probed.push(mediaPath);
      return mediaPath === "XYZ99.mp4" ? { fps: 15, width: 1280, height: 960 } : { fps: 30, width: 480, height: 640 };
    };
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseStar(file, { errors, classNames, fpsFile, probeVideo }));
    expect(errors.count).toBe(0);
    expect(errors.warningCount).toBe(0);
    // Nothing assumed: the sources are a note, not a warning.
    expect(errors.notes).toEqual([
      {
        file: "STAR_test.json",
        field: "fps",
        reason: "clips' frame rates: 1 from the fps file, 1 probed from the video; frame sizes (for boxes): 2 probed",
      },
    ]);
    expect(probed.sort()).toEqual(["ABC12.mp4", "XYZ99.mp4"]);
    expect(items.map((item) => item.metadata.geometry)).toEqual([
      { fps: 25, width: 480, height: 640, fpsSource: "fps file", sizeSource: "probed" },
      { fps: 15, width: 1280, height: 960, fpsSource: "probed", sizeSource: "probed" },
    ]);
    // 25 fps: frames 300, 360, 420 → 12, 14.4, 16.8 s (1, 3.4, 5.8 s of the window from 11 s);
    // 15 fps: → 20, 24, 28 s (1, 5, 9 s of the window from 19 s). Boxes by 480×640 and 1280×960.
    const keyframes = (item: (typeof items)[number] | undefined) =>
      item?.metadata.keyframes as { time: number; objects: { box: number[] }[] }[];
    expect(keyframes(items[0]).map((k) => k.time)).toEqual([1, 3.4, 5.8]);
    expect(keyframes(items[0])[0]?.objects[1]?.box).toEqual([0.6667, 0.375, 1, 0.75]);
    expect(keyframes(items[1]).map((k) => k.time)).toEqual([1, 5, 9]);
    expect(keyframes(items[1])[0]?.objects[1]?.box).toEqual([0.25, 0.25, 0.5, 0.5]);
  });

  it("rejects an fps file that is not a dict of video → fps", async () => {
    const fpsFile = path.join(dir, "bad_fps.pkl");
    await writeFile(fpsFile, pickle(py.dict([["ABC12.mp4", "fast"]])));
    const errors = new ImportErrorCollector();
    await collectItems(parseStar(await json("STAR_bad.json", [qa("Interaction_T1_1")]), { errors, classNames, fpsFile }));
    expect(errors.errors).toEqual([
      {
        file: "bad_fps.pkl",
        recordKey: "ABC12.mp4",
        reason: 'wrong structure: expected a dict of "<video_id>.mp4" → a positive number of frames per second',
      },
    ]);
  });

  it("names the question and field of a missing or invalid field, and keeps the rest", async () => {
    const broken = qa("Interaction_T1_2") as Record<string, unknown>;
    delete broken.answer;
    const file = await json("broken.json", [
      qa("Interaction_T1_1"),
      broken,
      qa("Interaction_T1_3", { start: "soon" }),
      qa("Interaction_T1_4", { situations: { "000001": { actions: [], bbox: [[1, 2, 3, 4]], bbox_labels: [] } } }),
      qa("Interaction_T1_1"),
    ]);
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseStar(file, { errors, classNames }));
    expect(errors.errors).toEqual([
      { file: "broken.json", recordKey: "Interaction_T1_2", field: "answer", reason: "missing field" },
      { file: "broken.json", recordKey: "Interaction_T1_3", field: "start", reason: "Invalid input: expected number, received string" },
      {
        file: "broken.json",
        recordKey: "Interaction_T1_4",
        field: "situations.000001.bbox_labels",
        reason: "bbox and bbox_labels have different lengths",
      },
      { file: "broken.json", recordKey: "Interaction_T1_1", field: "question_id", reason: "duplicate question_id" },
    ]);
    expect(items.map((item) => item.metadata.question_ids)).toEqual([["Interaction_T1_1"]]);
  });

  it("reports truncated JSON with its line and column, before yielding anything", async () => {
    const file = path.join(dir, "truncated.json");
    const text = JSON.stringify([qa("Interaction_T1_1"), qa("Interaction_T1_2")], null, 1);
    const cut = text.slice(0, text.length - 200);
    await writeFile(file, cut);
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseStar(file, { errors, classNames }));
    expect(items).toEqual([]);
    const lines = cut.split("\n");
    expect(errors.errors).toEqual([
      {
        file: "truncated.json",
        line: lines.length,
        reason: `unexpected end of file (line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1}): the array is not closed — is the file truncated?`,
      },
    ]);
  });

  it("reports a syntax error inside one question with its line, and a missing comma between questions", async () => {
    const good = JSON.stringify(qa("Interaction_T1_1"));
    const file = path.join(dir, "syntax.json");
    await writeFile(
      file,
      `[\n${good},\n{"question_id": "Interaction_T1_2",\n "question" "x"},\n${JSON.stringify(qa("Interaction_T1_3"))}\n]\n`,
    );
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseStar(file, { errors, classNames }));
    expect(items.map((item) => item.metadata.question_ids)).toEqual([["Interaction_T1_1", "Interaction_T1_3"]]);
    expect(errors.count).toBe(1);
    expect(errors.errors[0]).toMatchObject({ file: "syntax.json", line: 4 });
    expect(errors.errors[0]?.reason).toMatch(/^invalid JSON in element 1: /);

    const noComma = path.join(dir, "nocomma.json");
    await writeFile(noComma, `[\n${good}\n${good}\n]`);
    const fatal = new ImportErrorCollector();
    expect(await collectItems(parseStar(noComma, { errors: fatal, classNames }))).toEqual([]);
    expect(fatal.errors).toEqual([{ file: "nocomma.json", line: 3, reason: 'expected "," or "]" after element 0 (line 3, column 1)' }]);
  });

  it("reports a file that is not an array, and an unreadable one", async () => {
    const errors = new ImportErrorCollector();
    await collectItems(parseStar(await json("object.json", { questions: [] }), { errors, classNames }));
    expect(errors.errors).toEqual([{ file: "object.json", line: 1, reason: "expected a JSON array at the top level" }]);
    const missing = new ImportErrorCollector();
    await collectItems(parseStar(path.join(dir, "nope.json"), { errors: missing, classNames }));
    expect(missing.errors).toEqual([{ file: "nope.json", reason: "cannot read the file (ENOENT)" }]);
  });

  it("checks that videos exist and warns when class names are missing", async () => {
    const mediaRoot = path.join(dir, "charades");
    await mkdir(mediaRoot, { recursive: true });
    await writeFile(path.join(mediaRoot, "ABC12.mp4"), "x");
    const file = await json("media.json", [qa("Interaction_T1_1"), qa("Interaction_T1_5", { video_id: "GONE1" })]);
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseStar(file, { errors, checkMedia: true, mediaRoot }));
    expect(items.map((item) => item.videoKey)).toEqual(["ABC12_9.5_14.5"]);
    expect(errors.errors).toEqual([
      {
        file: "media.json",
        recordKey: "Interaction_T1_5",
        field: "video_id",
        reason: 'unknown video: "GONE1.mp4" not found under the media root',
      },
    ]);
    expect(errors.warnings[0]?.field).toBe("classNames");
    // Without names, ids stand in.
    expect(items[0]?.labels).toContainEqual({ key: "sequence", kind: "sequence", value: { actions: ["a001", "a002"] } });
  });

  it("spells out slash alternatives for sentences", () => {
    expect(readableAlternatives("put a cup/glass/bottle somewhere")).toBe("put a cup, glass or bottle somewhere");
    expect(readableAlternatives("tidy up a closet/cabinet")).toBe("tidy up a closet or cabinet");
    expect(readableAlternatives("eat a sandwich")).toBe("eat a sandwich");
  });

  it("reads STAR class files", async () => {
    const file = path.join(dir, "action_classes.txt");
    await writeFile(file, "a000 Holding some clothes\na001 Putting clothes somewhere\n\n");
    expect(await readStarClassFile(file)).toEqual({ a000: "Holding some clothes", a001: "Putting clothes somewhere" });
  });
});
