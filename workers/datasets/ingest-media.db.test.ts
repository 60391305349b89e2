import { access, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDemoFixtures, type DemoFixtures } from "@/lib/datasets/demo/write-demo-fixtures";
import { optionsFromSpec } from "@/lib/datasets/import-options";
import { requestImport } from "@/lib/datasets/request-import";
import { runImport } from "@/lib/datasets/run-import";
import { makeTempDir, removeTempDir } from "@/lib/datasets/testing/collect";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { probe } from "@/lib/media/probe";
import { synthesizeDemoClip } from "@/lib/media/synthesize";
import { handleIngestMedia } from "./ingest-media";

let dir: string;
let demo: DemoFixtures;
const run = Date.now().toString(36);
const savedMediaRoot = process.env.VSTAR_MEDIA_ROOT;
const context = { workerId: "test", jobId: "00000000-0000-4000-8000-000000000000", signal: new AbortController().signal };

beforeAll(async () => {
  dir = await makeTempDir("ingest");
  demo = await writeDemoFixtures(path.join(dir, "store", "src"));
  process.env.VSTAR_MEDIA_ROOT = path.join(dir, "store");
}, 60_000);

afterAll(async () => {
  if (savedMediaRoot === undefined) delete process.env.VSTAR_MEDIA_ROOT;
  else process.env.VSTAR_MEDIA_ROOT = savedMediaRoot;
  await removeTempDir(dir);
  await closePool();
  await disconnectPrisma();
});

interface VideoRow {
  id: number;
  key: string;
  mediaStatus: string;
  mediaPath: string | null;
  posterPath: string | null;
  sourcePath: string | null;
  durationSec: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  videoCodec: string | null;
  unplayableReason: string | null;
}

async function videosOf(datasetId: number): Promise<VideoRow[]> {
  const { rows } = await pool().query<VideoRow>(
    `SELECT id, key, "mediaStatus", "mediaPath", "posterPath", "sourcePath", "durationSec", width, height, fps, "videoCodec", "unplayableReason"
     FROM "Video" WHERE "datasetId" = $1 ORDER BY key`,
    [datasetId],
  );
  return rows;
}

async function importDemo(format: string, suffix = ""): Promise<number> {
  const dataset = demo.datasets.find((d) => d.spec.format === format)!;
  const row = await requestImport(
    optionsFromSpec(dataset.spec, { datasetName: `${dataset.name} ingest ${run}${suffix}`, mediaPrefix: "src/media" }),
    { userId: null },
  );
  const outcome = await runImport(row.id);
  expect(outcome.status).toBe("SUCCEEDED");
  return outcome.datasetId!;
}

describe("the ingest-media handler", () => {
  it("keeps a browser-safe clip, transcodes a legacy AVI, and posters both", async () => {
    const datasetId = await importDemo("kinetics");
    const videos = await videosOf(datasetId);
    const summary = await handleIngestMedia({ videoIds: videos.map((v) => v.id) }, context);
    expect(summary).toEqual({ ready: 3, unplayable: 0, skipped: 0, missing: 0 });

    const after = new Map((await videosOf(datasetId)).map((v) => [v.key, v]));
    const ball = after.get("demoBall001_000000_000003")!;
    expect(ball).toMatchObject({
      mediaStatus: "READY",
      mediaPath: "src/media/kinetics/demoBall001_000000_000003.mp4",
      width: 320,
      height: 240,
      videoCodec: "h264",
    });
    expect(ball.durationSec).toBeCloseTo(3, 0);
    expect(ball.posterPath).toBe(`posters/${datasetId}/${ball.id}.jpg`);
    await access(path.join(dir, "store", ball.posterPath!));

    const legacy = after.get("demoLegacy1_000000_000002")!;
    expect(legacy).toMatchObject({
      mediaStatus: "READY",
      mediaPath: "derived/src/media/kinetics/legacy/demoLegacy1.mp4",
      videoCodec: "h264",
    });
    const made = await probe(path.join(dir, "store", legacy.mediaPath!));
    expect(made).toMatchObject({ isBrowserSafe: true, faststart: true, container: "mp4" });
    expect(made.durationSec).toBeCloseTo(2, 0);

    // Idempotent: a redelivered job finds them READY.
    expect(await handleIngestMedia({ videoIds: videos.map((v) => v.id) }, context)).toEqual({
      ready: 0,
      unplayable: 0,
      skipped: 3,
      missing: 0,
    });
  });

  it("encodes a FineDiving frame folder at 12 fps and cuts each STAR clip's window out of its video, once per window", async () => {
    const diving = await importDemo("finediving");
    const star = await importDemo("star");
    const ids = [...(await videosOf(diving)), ...(await videosOf(star))].map((v) => v.id);
    expect(await handleIngestMedia({ videoIds: ids }, context)).toMatchObject({ ready: 7, unplayable: 0 });

    const dive = (await videosOf(diving)).find((v) => v.key.startsWith("DemoDivingCup2024_Synchro3m"))!;
    expect(dive).toMatchObject({
      mediaStatus: "READY",
      mediaPath: "derived/src/media/FineDiving/DemoDivingCup2024_Synchro3m_final_r2/1.mp4",
      fps: 12,
    });
    expect(dive.durationSec).toBeCloseTo(3, 0);
    const clips = await videosOf(star);
    expect(clips.map((c) => [c.key, c.mediaStatus, c.mediaPath])).toEqual([
      ["DEMO1_0_3", "READY", "derived/clips/src/media/star/DEMO1_0_3.mp4"],
      ["DEMO1_1.5_3", "READY", "derived/clips/src/media/star/DEMO1_1.5_3.mp4"],
    ]);
    expect(clips[0]?.durationSec).toBeCloseTo(3, 0);
    expect(clips[1]?.durationSec).toBeCloseTo(1.5, 0);
    const cut = await probe(path.join(dir, "store", "derived/clips/src/media/star/DEMO1_1.5_3.mp4"));
    expect(cut).toMatchObject({ isBrowserSafe: true, faststart: true });
    expect(new Set(clips.map((c) => c.posterPath)).size).toBe(2);

    // Another dataset of the same windows reuses the cut clips.
    const { mtimeMs } = await stat(path.join(dir, "store", "derived/clips/src/media/star/DEMO1_0_3.mp4"));
    const again = await importDemo("star", "again");
    expect(await handleIngestMedia({ videoIds: (await videosOf(again)).map((v) => v.id) }, context)).toMatchObject({ ready: 2 });
    expect((await stat(path.join(dir, "store", "derived/clips/src/media/star/DEMO1_0_3.mp4"))).mtimeMs).toBe(mtimeMs);
  });

  it("marks what cannot play UNPLAYABLE with the reason: a corrupt file, a missing one, a path outside the store", async () => {
    const media = path.join(dir, "store", "src", "broken");
    await mkdir(media, { recursive: true });
    await writeFile(path.join(media, "corrupt.mp4"), Buffer.alloc(4096, 7));
    await synthesizeDemoClip("bars", path.join(media, "fine.webm"), { codec: "vp9", durationSec: 2, fps: 12 });
    const { rows: dataset } = await pool().query<{ id: number }>(
      `INSERT INTO "Dataset" (name, format) VALUES ($1, 'GENERIC') RETURNING id`,
      [`broken ${run}`],
    );
    const datasetId = dataset[0]!.id;
    await pool().query(
      `INSERT INTO "Video" ("datasetId", key, "sourcePath") VALUES ($1, 'corrupt', 'src/broken/corrupt.mp4'), ($1, 'missing', 'src/broken/nope.mp4'),
       ($1, 'outside', '../../etc/passwd'), ($1, 'nothing', NULL), ($1, 'webm', 'src/broken/fine.webm')`,
      [datasetId],
    );
    const videos = await videosOf(datasetId);
    expect(await handleIngestMedia({ videoIds: videos.map((v) => v.id) }, context)).toEqual({
      ready: 1,
      unplayable: 4,
      skipped: 0,
      missing: 0,
    });
    const byKey = new Map((await videosOf(datasetId)).map((v) => [v.key, v]));
    expect(byKey.get("corrupt")).toMatchObject({ mediaStatus: "UNPLAYABLE", mediaPath: null });
    expect(byKey.get("corrupt")?.unplayableReason).toMatch(/^not a playable video: /);
    expect(byKey.get("missing")?.unplayableReason).toMatch(/^source not found: /);
    expect(byKey.get("outside")?.unplayableReason).toBe('"../../etc/passwd" is not inside the media store');
    expect(byKey.get("nothing")?.unplayableReason).toBe("the annotation gives this video no media file");
    expect(byKey.get("webm")).toMatchObject({ mediaStatus: "READY", mediaPath: "derived/src/broken/fine.mp4", videoCodec: "h264" });
  });
});
