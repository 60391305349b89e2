import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportErrorCollector } from "../errors";
import { defaultTemplates } from "../templates/defaults";
import { collectItems, makeTempDir, removeTempDir } from "../testing/collect";
import { generateKineticsCsv } from "./generate";
import { parseKinetics } from "./parse";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("kinetics");
});
afterAll(async () => {
  await removeTempDir(dir);
});

async function csv(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const GOOD = [
  "label,youtube_id,time_start,time_end,split",
  "eating apple pie,abcDEF12345,5,15,train",
  '"pushing car, slowly",zzzzzzzzzzz,0,10,val',
].join("\n");

describe("parseKinetics", () => {
  it("turns rows into items with a class label and one templated question", async () => {
    const errors = new ImportErrorCollector();
    const items = await collectItems(parseKinetics(await csv("good.csv", GOOD), { errors }));
    expect(errors.count).toBe(0);
    expect(items).toHaveLength(2);
    const [first, second] = items;
    expect(first?.videoKey).toBe("abcDEF12345_000005_000015");
    expect(first?.mediaPath).toBe("abcDEF12345_000005_000015.mp4");
    expect(first?.split).toBe("train");
    expect(first?.metadata).toEqual({ youtube_id: "abcDEF12345", time_start: 5, time_end: 15 });
    expect(first?.labels).toEqual([{ key: "class", kind: "class", value: "eating apple pie" }]);
    expect(first?.questions).toHaveLength(1);
    const question = first?.questions[0];
    expect(question?.key).toBe("kinetics:activity:0");
    expect(question?.targets).toEqual([{ labelType: "class", label: "eating apple pie" }]);
    const texts = defaultTemplates("kinetics").map((t) => t.text);
    expect(texts).toContain(question?.text);
    expect(second?.labels[0]?.value).toBe("pushing car, slowly");
  });

  it("yields identical records when the same file is parsed twice", async () => {
    const file = path.join(dir, "twice.csv");
    await generateKineticsCsv(file, 200, 7);
    const once = await collectItems(parseKinetics(file, { errors: new ImportErrorCollector() }));
    const again = await collectItems(parseKinetics(file, { errors: new ImportErrorCollector() }));
    expect(once).toHaveLength(200);
    expect(again).toEqual(once);
    // Template choice spreads over the variants rather than always picking one.
    expect(new Set(once.map((item) => item.questions[0]?.templateKey)).size).toBeGreaterThan(1);
  });

  it("applies edited templates", async () => {
    const templates = [{ key: "mine", kind: "activity", text: "Name the action." }];
    const items = await collectItems(parseKinetics(await csv("tpl.csv", GOOD), { errors: new ImportErrorCollector(), templates }));
    expect(items.map((item) => item.questions[0]?.text)).toEqual(["Name the action.", "Name the action."]);
    expect(items[0]?.questions[0]?.templateKey).toBe("mine");
  });

  it("names a missing column and the file", async () => {
    const errors = new ImportErrorCollector();
    const file = await csv("nocol.csv", "label,youtube_id,time_start,split\nx,abcDEF12345,1,train\n");
    const items = await collectItems(parseKinetics(file, { errors }));
    expect(items).toEqual([]);
    expect(errors.errors).toEqual([
      {
        file: "nocol.csv",
        line: 1,
        field: "time_end",
        reason: 'missing column "time_end" (header has "label", "youtube_id", "time_start", "split")',
      },
    ]);
  });

  it("reports bad numbers, empty labels and reversed times with line and field, and keeps going", async () => {
    const errors = new ImportErrorCollector();
    const file = await csv(
      "bad.csv",
      [
        "label,youtube_id,time_start,time_end,split",
        "ok,aaaaaaaaaaa,0,10,train",
        "ok,bbbbbbbbbbb,abc,10,train",
        ",ccccccccccc,0,10,train",
        "ok,ddddddddddd,10,10,train",
        "ok,eeeeeeeeeee,0,10",
        "ok,fff/../etc,0,10,train",
        "ok,aaaaaaaaaaa,0,10,train",
      ].join("\n"),
    );
    const items = await collectItems(parseKinetics(file, { errors }));
    expect(items.map((item) => item.videoKey)).toEqual(["aaaaaaaaaaa_000000_000010"]);
    expect(errors.errors).toEqual([
      { file: "bad.csv", line: 3, field: "time_start", reason: 'not a number of seconds: "abc"' },
      { file: "bad.csv", line: 4, field: "label", reason: "empty label" },
      { file: "bad.csv", line: 5, field: "time_end", reason: "time_end (10) must be greater than time_start (10)" },
      { file: "bad.csv", line: 6, reason: "expected 5 fields, found 4" },
      { file: "bad.csv", line: 7, field: "youtube_id", reason: 'not a YouTube id: "fff/../etc"' },
      {
        file: "bad.csv",
        line: 8,
        recordKey: "aaaaaaaaaaa_000000_000010",
        field: "youtube_id",
        reason: "duplicate clip (same youtube_id, time_start and time_end as an earlier row)",
      },
    ]);
  });

  it("counts lines across empty lines, CRLF and newlines inside quoted fields", async () => {
    const errors = new ImportErrorCollector();
    const text = 'label,youtube_id,time_start,time_end,split\r\n"two\r\nlines",aaaaaaaaaaa,0,10,train\r\n\r\nok,bbbbbbbbbbb,x,10,train\r\n';
    const items = await collectItems(parseKinetics(await csv("lines.csv", text), { errors }));
    expect(items).toHaveLength(1);
    expect(errors.errors).toEqual([{ file: "lines.csv", line: 5, field: "time_start", reason: 'not a number of seconds: "x"' }]);
  });

  it("checks that clip files exist under the media root, by name or by the path column", async () => {
    const mediaRoot = path.join(dir, "media");
    await mkdir(path.join(mediaRoot, "clips"), { recursive: true });
    await writeFile(path.join(mediaRoot, "abcDEF12345_000005_000015.mp4"), "x");
    await writeFile(path.join(mediaRoot, "clips", "b.mp4"), "x");
    const errors = new ImportErrorCollector();
    const file = await csv(
      "media.csv",
      [
        "label,youtube_id,time_start,time_end,split,path",
        "a,abcDEF12345,5,15,train,",
        "b,bbbbbbbbbbb,0,10,train,clips/b.mp4",
        "c,ccccccccccc,0,10,train,",
        "d,ddddddddddd,0,10,train,clips/missing.mp4",
        "e,eeeeeeeeeee,0,10,train,../outside.mp4",
      ].join("\n"),
    );
    const items = await collectItems(parseKinetics(file, { errors, checkMedia: true, mediaRoot }));
    expect(items.map((item) => item.mediaPath)).toEqual(["abcDEF12345_000005_000015.mp4", "clips/b.mp4"]);
    expect(errors.errors).toEqual([
      {
        file: "media.csv",
        line: 4,
        recordKey: "ccccccccccc_000000_000010",
        field: "youtube_id",
        reason: 'unknown video: clip file "ccccccccccc_000000_000010.mp4" not found under the media root',
      },
      {
        file: "media.csv",
        line: 5,
        recordKey: "ddddddddddd_000000_000010",
        field: "path",
        reason: 'unknown video: clip file "clips/missing.mp4" not found under the media root',
      },
      { file: "media.csv", line: 6, field: "path", reason: 'not a safe relative path: "../outside.mp4"' },
    ]);
  });

  it("imports a test list (no label column) as unlabelled clips", async () => {
    const errors = new ImportErrorCollector();
    const file = await csv("kinetics700_test.csv", "youtube_id,time_start,time_end,split\nabcDEF12345,5,15,test\nzzzzzzzzzzz,0,10,test\n");
    const items = await collectItems(parseKinetics(file, { errors }));
    expect(errors.count).toBe(0);
    expect(items.map((item) => [item.videoKey, item.split, item.labels, item.questions])).toEqual([
      ["abcDEF12345_000005_000015", "test", [], []],
      ["zzzzzzzzzzz_000000_000010", "test", [], []],
    ]);
    expect(items[0]?.metadata).toEqual({ youtube_id: "abcDEF12345", time_start: 5, time_end: 15, unlabelled: true });
  });

  it("finds clips of the CSV's 'validate' split in a val/ folder, and of 'val' in validate/", async () => {
    const mediaRoot = path.join(dir, "split-media");
    await mkdir(path.join(mediaRoot, "val"), { recursive: true });
    await mkdir(path.join(mediaRoot, "validate"), { recursive: true });
    await mkdir(path.join(mediaRoot, "train"), { recursive: true });
    await writeFile(path.join(mediaRoot, "val", "abcDEF12345_000005_000015.mp4"), "x");
    await writeFile(path.join(mediaRoot, "validate", "zzzzzzzzzzz_000000_000010.mp4"), "x");
    const errors = new ImportErrorCollector();
    const file = await csv(
      "splits.csv",
      [
        "label,youtube_id,time_start,time_end,split",
        "a,abcDEF12345,5,15,validate",
        "b,zzzzzzzzzzz,0,10,val",
        "c,ccccccccccc,0,10,train",
      ].join("\n"),
    );
    const clipPathTemplate = "{split}/{youtube_id}_{start}_{end}.mp4";
    const items = await collectItems(parseKinetics(file, { errors, checkMedia: true, mediaRoot, clipPathTemplate }));
    expect(items.map((item) => [item.mediaPath, item.split])).toEqual([
      ["val/abcDEF12345_000005_000015.mp4", "validate"],
      ["validate/zzzzzzzzzzz_000000_000010.mp4", "val"],
    ]);
    expect(errors.errors.map((e) => e.reason)).toEqual([
      'unknown video: clip file "train/ccccccccccc_000000_000010.mp4" not found under the media root',
    ]);
  });

  it("reports an unreadable file and malformed CSV as one error each", async () => {
    const missing = new ImportErrorCollector();
    await collectItems(parseKinetics(path.join(dir, "nope.csv"), { errors: missing }));
    expect(missing.errors).toEqual([{ file: "nope.csv", reason: "cannot read the file (ENOENT)" }]);

    const malformed = new ImportErrorCollector();
    const file = await csv("quote.csv", 'label,youtube_id,time_start,time_end,split\n"unclosed,aaaaaaaaaaa,0,10,train\n');
    await collectItems(parseKinetics(file, { errors: malformed }));
    expect(malformed.count).toBe(1);
    expect(malformed.errors[0]?.file).toBe("quote.csv");
    expect(malformed.errors[0]?.reason).toMatch(/^malformed CSV: /);
  });

  it("rejects a template that uses a variable the kind does not offer", async () => {
    const errors = new ImportErrorCollector();
    const templates = [{ key: "bad", kind: "activity", text: "What is {label}?" }];
    const items = await collectItems(parseKinetics(await csv("t2.csv", GOOD), { errors, templates }));
    expect(items).toEqual([]);
    expect(errors.errors[0]).toEqual({
      file: "t2.csv",
      field: "templates",
      reason: 'template "bad" (kind activity) uses {label}; this kind offers none',
    });
  });
});
