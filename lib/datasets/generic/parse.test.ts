import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FatalImportError, ImportErrorCollector } from "../errors";
import { collectItems, makeTempDir, removeTempDir } from "../testing/collect";
import { genericTemplates, parseGenericMapping, readGenericMapping } from "./mapping";
import { parseGeneric } from "./parse";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("generic");
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function file(name: string, text: string): Promise<string> {
  const filePath = path.join(dir, name);
  await writeFile(filePath, text);
  return filePath;
}

const mapping = parseGenericMapping({
  videoKey: "id",
  mediaPath: "video",
  split: { literal: "train" },
  clip: { start: "t0", end: "t1" },
  metadata: ["source"],
  labels: [{ key: "caption", labelType: "caption", from: "caption" }],
  questions: [
    { key: "when", text: "When does the person {action}?", targets: [{ labelType: "interval", from: { start: "a_start", end: "a_end" } }] },
    { key: "steps", text: "List the steps in order.", targets: [{ labelType: "sequence", from: { actions: "steps" } }] },
    {
      key: "where",
      text: "{where_q}",
      targets: [
        { labelType: "bbox", from: { box: "box" } },
        { labelType: "same", from: { same: "same" } },
      ],
    },
    {
      key: "score",
      text: "Rate it.",
      targets: [
        { labelType: "float", from: { value: "score", name: "score" } },
        { labelType: "timestamp", from: { time: "peak" } },
      ],
    },
  ],
});

const ROW = {
  id: "clip-1",
  video: "clips/clip-1.mp4",
  t0: 0,
  t1: 8,
  source: "lab",
  caption: "a man opens the fridge",
  action: "open the fridge",
  a_start: 2,
  a_end: 5,
  steps: ["walk", "open fridge"],
  where_q: "Where is the fridge?",
  box: [0.1, 0.2, 0.5, 0.9],
  same: "yes",
  score: "7.5",
  peak: 3.2,
};

describe("parseGeneric", () => {
  it("maps JSONL columns to items, labels and typed targets", async () => {
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseGeneric(await file("data.jsonl", `${JSON.stringify(ROW)}\n\n`), { errors, mapping }));
    expect(errors.count).toBe(0);
    expect(items).toEqual([
      {
        videoKey: "clip-1",
        mediaPath: "clips/clip-1.mp4",
        split: "train",
        clip: { startSec: 0, endSec: 8 },
        metadata: { source: "lab" },
        labels: [{ key: "caption", kind: "caption", value: "a man opens the fridge" }],
        questions: [
          {
            key: "generic:when",
            kind: "when",
            templateKey: "generic.when",
            text: "When does the person open the fridge?",
            targets: [{ labelType: "interval", label: { start: 2, end: 5 } }],
          },
          {
            key: "generic:steps",
            kind: "steps",
            templateKey: "generic.steps",
            text: "List the steps in order.",
            targets: [{ labelType: "sequence", label: { actions: ["walk", "open fridge"] } }],
          },
          {
            key: "generic:where",
            kind: "where",
            templateKey: "generic.where",
            text: "Where is the fridge?",
            targets: [
              { labelType: "bbox", label: { box: [0.1, 0.2, 0.5, 0.9] } },
              { labelType: "same", label: { same: true } },
            ],
          },
          {
            key: "generic:score",
            kind: "score",
            templateKey: "generic.score",
            text: "Rate it.",
            targets: [
              { labelType: "float", label: { value: 7.5, name: "score" } },
              { labelType: "timestamp", label: { time: 3.2 } },
            ],
          },
        ],
      },
    ]);
  });

  it("carries the clip's length from a mapped duration column into timestamp and interval targets (the released rules divide by it)", async () => {
    const withDuration = parseGenericMapping({
      videoKey: "id",
      questions: [
        { key: "peak", text: "When is the peak?", targets: [{ labelType: "timestamp", from: { time: "peak", duration: "length" } }] },
        { key: "when", text: "When?", targets: [{ labelType: "interval", from: { start: "a_start", end: "a_end", duration: "length" } }] },
      ],
    });
    const errors = new ImportErrorCollector();
    const rows = [
      { id: "a", peak: 3.2, a_start: 2, a_end: 5, length: 8 },
      { id: "b", peak: 1, a_start: 2, a_end: 5, length: 0 },
    ];
    const items = await collectItems(
      parseGeneric(await file("durations.jsonl", rows.map((row) => JSON.stringify(row)).join("\n")), { errors, mapping: withDuration }),
    );
    expect(items[0]?.questions.map((q) => q.targets)).toEqual([
      [{ labelType: "timestamp", label: { time: 3.2, duration: 8 } }],
      [{ labelType: "interval", label: { start: 2, end: 5, duration: 8 } }],
    ]);
    // A clip cannot last 0 s: the row's targets are refused with the column named.
    expect(items[1]?.questions ?? []).toEqual([]);
    expect(errors.count).toBeGreaterThan(0);
    expect(JSON.stringify(errors)).toMatch(/duration \(0\) must be greater than 0/);
  });

  it("reads the same mapping from CSV, with JSON arrays and separated lists in cells, and applies edited templates", async () => {
    const csv = [
      "id,video,t0,t1,source,caption,action,a_start,a_end,steps,where_q,box,same,score,peak",
      'clip-1,clips/clip-1.mp4,0,8,lab,a man opens the fridge,open the fridge,2,5,walk|open fridge,Where is the fridge?,"[0.1,0.2,0.5,0.9]",1,7.5,3.2',
    ].join("\n");
    const templates = [
      ...genericTemplates(mapping).filter((t) => t.kind !== "when"),
      { key: "generic.when.2", kind: "when", text: "At what time does the person {action}?" },
    ];
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseGeneric(await file("data.csv", csv), { errors, mapping, templates }));
    expect(errors.count).toBe(0);
    expect(items[0]?.questions[0]?.text).toBe("At what time does the person open the fridge?");
    expect(items[0]?.questions[1]?.targets).toEqual([{ labelType: "sequence", label: { actions: ["walk", "open fridge"] } }]);
    expect(items[0]?.metadata).toEqual({ source: "lab" });
    const again = await collectItems(parseGeneric(path.join(dir, "data.csv"), { errors: new ImportErrorCollector(), mapping, templates }));
    expect(again).toEqual(items);
  });

  it("reports bad values with line and column, missing CSV columns, and bad JSON lines", async () => {
    const rows = [
      JSON.stringify(ROW),
      JSON.stringify({ ...ROW, id: "clip-2", a_start: "soon" }),
      "{not json",
      JSON.stringify({ ...ROW, id: "clip-3", box: [0.5, 0.2, 0.1, 0.9], video: "../x.mp4" }),
      JSON.stringify({ ...ROW, id: "clip-1" }),
      JSON.stringify({ ...ROW, id: "clip-4", action: undefined }),
    ].join("\n");
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseGeneric(await file("bad.jsonl", rows), { errors, mapping }));
    expect(items.map((item) => item.videoKey)).toEqual(["clip-1"]);
    expect(errors.errors).toEqual([
      { file: "bad.jsonl", line: 2, field: "a_start", reason: 'not a number: "soon"' },
      { file: "bad.jsonl", line: 3, reason: "not valid JSON" },
      { file: "bad.jsonl", line: 4, field: "video", reason: 'not a safe relative path: "../x.mp4"' },
      { file: "bad.jsonl", line: 4, field: "box", reason: "box must have x1 < x2 and y1 < y2" },
      { file: "bad.jsonl", line: 5, field: "id", reason: 'duplicate video key "clip-1"' },
      { file: "bad.jsonl", line: 6, field: "action", reason: "missing value for the question text" },
    ]);

    const csvErrors = new ImportErrorCollector();
    await collectItems(parseGeneric(await file("short.csv", "id,video\nclip-1,a.mp4\n"), { errors: csvErrors, mapping }));
    expect(csvErrors.errors[0]).toMatchObject({ file: "short.csv", line: 1 });
    expect(csvErrors.errors[0]?.reason).toMatch(/^missing columns "t0", "t1", "source"/);
  });

  it("validates the mapping file itself", async () => {
    const bad = await file(
      "mapping.json",
      JSON.stringify({ videoKey: "id", questions: [{ key: "q", text: "Hi", targets: [{ labelType: "colour", from: "c" }] }] }),
    );
    const error = await readGenericMapping(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalImportError);
    expect((error as FatalImportError).detail).toMatchObject({ file: "mapping.json", field: "questions.0.targets.0.labelType" });
    await expect(readGenericMapping(await file("broken.json", "{"))).rejects.toThrow(/broken\.json: not a readable JSON mapping/);
    expect(() =>
      parseGenericMapping({
        videoKey: "id",
        questions: [
          { key: "q", text: "a", targets: [{ labelType: "class", from: "c" }] },
          { key: "q", text: "b", targets: [{ labelType: "class", from: "c" }] },
        ],
      }),
    ).toThrow(/used twice/);
  });
});
