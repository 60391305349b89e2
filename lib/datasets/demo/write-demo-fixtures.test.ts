import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { framesToMp4 } from "@/lib/media/frames";
import { probe } from "@/lib/media/probe";
import { resolveInside } from "@/lib/media/resolve-inside";
import { ImportErrorCollector } from "../errors";
import type { DiveRecord } from "../finediving/schema";
import { parseDataset } from "../import";
import { collectItems, makeTempDir, removeTempDir } from "../testing/collect";
import type { ImportedItem } from "../types";
import { writeDemoFixtures, type DemoFixtures } from "./write-demo-fixtures";

let dir: string;
let demo: DemoFixtures;
const imported = new Map<string, ImportedItem[]>();

beforeAll(async () => {
  dir = await makeTempDir("demo");
  const started = Date.now();
  demo = await writeDemoFixtures(dir);
  expect(Date.now() - started).toBeLessThan(10_000);
  for (const dataset of demo.datasets) {
    const errors = new ImportErrorCollector();
    imported.set(dataset.spec.format, await collectItems(parseDataset(dataset.spec, { errors })));
    expect(errors.toJSON()).toEqual({ errorCount: 0, errors: [], warningCount: 0, warnings: [] });
  }
}, 60_000);

afterAll(async () => {
  await removeTempDir(dir);
});

describe("writeDemoFixtures", () => {
  it("writes one dataset per source format that imports cleanly through the real importers", () => {
    expect(demo.datasets.map((d) => d.spec.format)).toEqual(["kinetics", "star", "finediving"]);
    expect(imported.get("kinetics")?.map((item) => [item.videoKey, item.mediaPath])).toEqual([
      ["demoBall001_000000_000003", "kinetics/demoBall001_000000_000003.mp4"],
      ["demoCarry01_000010_000013", "kinetics/demoCarry01_000010_000013.mp4"],
      ["demoLegacy1_000000_000002", "kinetics/legacy/demoLegacy1.avi"],
    ]);
    expect(imported.get("star")?.map((item) => item.videoKey)).toEqual(["DEMO1_0_3", "DEMO1_1.5_3"]);
    expect(imported.get("finediving")?.map((item) => item.metadata.mediaSource)).toEqual(["mp4", "frames", "mp4", "mp4", "mp4"]);
  });

  it("gives FineDiving enough training dives, with different scores, for a cycle's AQA figures", () => {
    const training = imported.get("finediving")?.filter((item) => item.split === "train") ?? [];
    expect(training).toHaveLength(4);
    const aqaScores = training.flatMap((item) =>
      item.questions
        .filter((q) => q.kind.startsWith("aqa-"))
        .map((q) => q.targets.find((t) => t.labelType === "float" && t.label.name === "score")),
    );
    expect(aqaScores).toHaveLength(8);
    expect(new Set(aqaScores.map((target) => JSON.stringify(target?.label))).size).toBe(4);
  });

  it("merges FineDiving's coarse and fine-grained files: every demo dive has judges, sub-actions and a timeline", () => {
    const dives = (imported.get("finediving") ?? []).map((item) => item.labels.find((label) => label.kind === "dive")?.value as DiveRecord);
    expect(dives).toHaveLength(5);
    for (const dive of dives) {
      expect(dive.judge_scores.length).toBeGreaterThanOrEqual(5);
      expect(dive.sub_actions).toHaveLength(3);
      expect(dive.segments.map((segment) => segment.end_frame).slice(0, -1)).toEqual(dive.steps_transit_frames);
    }
  });

  it("gives STAR boxes that sit on the drawn objects and intervals in the clip", () => {
    const clip = imported.get("star")?.[0];
    const kinds = clip?.questions.map((q) => q.kind);
    expect(kinds).toEqual(expect.arrayContaining(["star-qa", "star-between", "star-when", "star-object-at", "star-same-object"]));
    expect(clip?.labels).toContainEqual({
      key: "sequence",
      kind: "sequence",
      value: { actions: ["walk to a box", "pick up a box", "carry a box"] },
    });
    const objectAt = clip?.questions.find((q) => q.kind === "star-object-at");
    expect(objectAt?.targets).toEqual([{ labelType: "class", label: "box" }]);
    // Frame rate from the fps file, frame size probed from the video.
    expect(clip?.metadata.geometry).toEqual({ fps: 24, width: 320, height: 240, fpsSource: "fps file", sizeSource: "probed" });
    expect(clip?.questions.find((q) => q.kind === "star-when")?.text).toMatch(/does the person (walk to|pick up|carry) a box/);
  });

  it("has media the ingest step can play: browser-safe clips, one to transcode, one frame folder", async () => {
    const legacy = await probe(path.join(demo.mediaRoot, "kinetics/legacy/demoLegacy1.avi"));
    expect(legacy.isBrowserSafe).toBe(false);
    const star = await probe(path.join(demo.mediaRoot, "star/DEMO1.mp4"));
    expect(star).toMatchObject({ isBrowserSafe: true, width: 320, height: 240 });

    const dive = imported.get("finediving")?.[1];
    const frameDir = await resolveInside(demo.mediaRoot, String(dive?.metadata.frameDir));
    const dest = await resolveInside(demo.mediaRoot, dive?.mediaPath ?? "");
    expect(frameDir).not.toBeNull();
    expect(await framesToMp4(frameDir ?? "", dest ?? "", 12)).toBe(36);
    const made = await probe(dest ?? "");
    expect(made.isBrowserSafe).toBe(true);
    expect(Math.abs((made.durationSec ?? 0) - 3)).toBeLessThan(0.2);
  });
});
