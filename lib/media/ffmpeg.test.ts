import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ballBox, diverBox, diverEntryTime, waterLine } from "./demo-scenes";
import { MediaError } from "./errors";
import { framesToMp4 } from "./frames";
import { makePoster } from "./poster";
import { probe } from "./probe";
import { synthesizeDemoClip } from "./synthesize";
import { mediaToolPath } from "./tool-paths";
import { transcodeToBrowserSafe } from "./transcode";

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "media-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Mean luma of a 1×1 downscale of the frame at `t`: enough to tell a scene's colours apart. */
async function pixelAt(file: string, t: number, x: number, y: number): Promise<[number, number, number]> {
  const { stdout } = await run(
    mediaToolPath("ffmpeg"),
    [
      "-v",
      "error",
      "-ss",
      String(t),
      "-i",
      file,
      "-frames:v",
      "1",
      "-vf",
      `crop=2:2:${Math.round(x)}:${Math.round(y)},scale=1:1`,
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-",
    ],
    { encoding: "buffer" },
  );
  return [stdout[0] ?? 0, stdout[1] ?? 0, stdout[2] ?? 0];
}

describe("probe, transcode and poster on ffmpeg-made clips", () => {
  it("transcodes an MPEG-4 AVI with audio into browser-safe H.264, keeping its duration", async () => {
    const src = path.join(dir, "source.avi");
    await synthesizeDemoClip("ball", src, { codec: "mpeg4", withAudio: true, durationSec: 3, fps: 24 });
    const before = await probe(src);
    expect(before).toMatchObject({
      videoCodec: "mpeg4",
      container: "avi",
      width: 320,
      height: 240,
      isBrowserSafe: false,
      faststart: false,
    });
    expect(before.audioCodec).toBe("mp3");

    const dest = path.join(dir, "out", "safe.mp4");
    const after = await transcodeToBrowserSafe(src, dest);
    expect(after).toMatchObject({
      videoCodec: "h264",
      pixFmt: "yuv420p",
      container: "mp4",
      audioCodec: "aac",
      faststart: true,
      isBrowserSafe: true,
    });
    expect(after.fps).toBeCloseTo(24, 3);
    expect(Math.abs((after.durationSec ?? 0) - (before.durationSec ?? 0))).toBeLessThan(0.2);
    expect(after.sizeBytes).toBe((await stat(dest)).size);
    // No temporary file is left beside the output.
    expect(await readdir(path.dirname(dest))).toEqual(["safe.mp4"]);
  });

  it("transcodes a VP9 WebM without audio", async () => {
    const src = path.join(dir, "source.webm");
    await synthesizeDemoClip("bars", src, { codec: "vp9", durationSec: 2, fps: 12 });
    const before = await probe(src);
    expect(before).toMatchObject({ videoCodec: "vp9", container: "webm", audioCodec: null, isBrowserSafe: false });
    const after = await transcodeToBrowserSafe(src, path.join(dir, "bars.mp4"));
    expect(after).toMatchObject({ videoCodec: "h264", pixFmt: "yuv420p", audioCodec: null, isBrowserSafe: true });
    expect(Math.abs((after.durationSec ?? 0) - 2)).toBeLessThan(0.2);
  });

  it("writes a JPEG poster of the requested moment, clamping times past the end", async () => {
    const src = path.join(dir, "ball.mp4");
    const scene = await synthesizeDemoClip("ball", src, { durationSec: 2, fps: 12 });
    const poster = path.join(dir, "posters", "ball.jpg");
    await makePoster(src, poster, 1);
    const bytes = await readFile(poster);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    const info = await probe(poster);
    expect(info).toMatchObject({ videoCodec: "mjpeg", width: 320, height: 240 });
    // The ball's centre at t = 1 s is red in the poster.
    const [x1, y1, x2, y2] = ballBox(scene, 1);
    const [r, g, b] = await pixelAt(poster, 0, (x1 + x2) / 2 - 1, (y1 + y2) / 2 - 1);
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(100);
    expect(b).toBeLessThan(100);
    await makePoster(src, path.join(dir, "posters", "late.jpg"), 99);
    expect((await stat(path.join(dir, "posters", "late.jpg"))).size).toBeGreaterThan(0);
  });

  it("draws the diver above the water before entry and hides it after", async () => {
    const src = path.join(dir, "diver.mp4");
    const scene = await synthesizeDemoClip("diver", src, { durationSec: 3, fps: 24 });
    const before = diverBox(scene, 0.5);
    const [r] = await pixelAt(src, 0.5, (before[0] + before[2]) / 2 - 1, (before[1] + before[3]) / 2 - 1);
    expect(r).toBeGreaterThan(200); // skin-coloured diver
    expect(diverEntryTime(scene)).toBeGreaterThan(1);
    expect(diverEntryTime(scene)).toBeLessThan(3);
    const [, , blue] = await pixelAt(src, 2.9, 105, waterLine(scene) + 20);
    expect(blue).toBeGreaterThan(140); // water, with the diver under it
  });

  it("renders the same bytes for the same demo clip options", async () => {
    const a = path.join(dir, "same-a.mp4");
    const b = path.join(dir, "same-b.mp4");
    await synthesizeDemoClip("carry", a, { durationSec: 2, fps: 12 });
    await synthesizeDemoClip("carry", b, { durationSec: 2, fps: 12 });
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
    await expect(synthesizeDemoClip("carry", path.join(dir, "wrong.avi"))).rejects.toMatchObject({ code: "invalid-argument" });
    await expect(synthesizeDemoClip("ball", path.join(dir, "long.mp4"), { durationSec: 9 })).rejects.toMatchObject({
      code: "invalid-argument",
    });
  });

  it("encodes a folder of JPEG frames (any numbering) into a 12 fps MP4", async () => {
    const frames = path.join(dir, "frames", "EventName", "3");
    await mkdir(frames, { recursive: true });
    await run(mediaToolPath("ffmpeg"), [
      "-v",
      "error",
      "-f",
      "lavfi",
      "-i",
      "testsrc2=s=160x120:r=12:d=2",
      "-start_number",
      "489",
      path.join(frames, "%05d.jpg"),
    ]);
    await writeFile(path.join(frames, "notes.txt"), "not a frame");
    const dest = path.join(dir, "finediving", "EventName_3.mp4");
    const count = await framesToMp4(frames, dest);
    expect(count).toBe(24);
    const info = await probe(dest);
    expect(info).toMatchObject({ videoCodec: "h264", pixFmt: "yuv420p", width: 160, height: 120, isBrowserSafe: true });
    expect(info.fps).toBeCloseTo(12, 3);
    expect(Math.abs((info.durationSec ?? 0) - 2)).toBeLessThan(0.2);
  });

  it("refuses a frame folder without frames", async () => {
    const empty = path.join(dir, "empty-frames");
    await mkdir(empty);
    await expect(framesToMp4(empty, path.join(dir, "x.mp4"))).rejects.toMatchObject({
      code: "invalid-argument",
      reason: "no JPEG frames in the folder",
    });
  });

  it("reports random bytes as unplayable with ffprobe's reason", async () => {
    const junk = path.join(dir, "junk.mp4");
    await writeFile(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)));
    const error = await probe(junk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: "unplayable" });
    expect((error as MediaError).reason).toMatch(/Invalid data|could not find|moov atom not found/i);
  });

  it("reports a file without a video stream, a missing file and a relative path", async () => {
    const audioOnly = path.join(dir, "tone.m4a");
    await run(mediaToolPath("ffmpeg"), ["-v", "error", "-f", "lavfi", "-i", "sine=d=1", "-c:a", "aac", audioOnly]);
    await expect(probe(audioOnly)).rejects.toMatchObject({ code: "unplayable", reason: "no video stream" });
    await expect(probe(path.join(dir, "missing.mp4"))).rejects.toMatchObject({ code: "not-found" });
    await expect(probe("relative/clip.mp4")).rejects.toMatchObject({ code: "invalid-argument" });
    await expect(probe("-i")).rejects.toMatchObject({ code: "invalid-argument" });
  });
});
