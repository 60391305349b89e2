import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInferenceBackendConfig } from "@/lib/backends/config";
import { FrameSamplingError } from "@/lib/backends/errors";
import { InferenceClient } from "@/lib/backends/inference/client";
import { FrameSampler, evenlySpacedFrameIndices, evenlySpacedTimes } from "@/lib/backends/inference/frames";
import { chatReply } from "@/lib/backends/testing/chat-replies";
import { makeTestClip, requireFfmpeg } from "@/lib/backends/testing/ffmpeg";
import { jpegSize } from "@/lib/backends/testing/jpeg";
import { inSequence, startScriptedServer } from "@/lib/backends/testing/scripted-server";
import { mediaToolPath } from "@/lib/media/tool-paths";

describe("evenly spaced frames", () => {
  it("picks frame indices like LLaMA-Factory's linspace(0, total - 1, n)", () => {
    expect(evenlySpacedFrameIndices(24, 4)).toEqual([0, 7, 15, 23]);
    expect(evenlySpacedFrameIndices(24, 1)).toEqual([0]);
    expect(evenlySpacedFrameIndices(100, 5)).toEqual([0, 24, 49, 74, 99]);
  });

  it("seeks a quarter frame before each chosen frame", () => {
    const times = evenlySpacedTimes({ durationSeconds: 2, fps: 12 }, 4);
    expect(times[0]).toBe(0);
    expect(times.slice(1)).toEqual([6.75 / 12, 14.75 / 12, 22.75 / 12]);
  });

  it("spreads over the duration when the frame rate is unknown", () => {
    expect(evenlySpacedTimes({ durationSeconds: 10.1 }, 3)).toEqual([0, 5, 10]);
    expect(evenlySpacedTimes({ durationSeconds: 10.1 }, 1)).toEqual([0]);
  });
});

// Each case runs several ffmpeg processes; on a loaded 2-core machine that takes seconds.
describe("frame sampling with ffmpeg", { timeout: 60_000 }, () => {
  let dir = "";
  let clip = "";
  let largeClip = "";

  beforeAll(() => {
    requireFfmpeg();
    dir = mkdtempSync(join(tmpdir(), "vstar-frames-"));
    clip = join(dir, "clip.mp4");
    largeClip = join(dir, "large.mp4");
    makeTestClip(clip);
    makeTestClip(largeClip, "640x480");
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("probes duration and frame rate", async () => {
    const timing = await new FrameSampler().probe(clip);
    expect(timing.durationSeconds).toBeCloseTo(2, 1);
    expect(timing.fps).toBeCloseTo(12, 5);
  });

  it("extracts N distinct JPEG frames, never upscaling a small video", async () => {
    const frames = await new FrameSampler().sampleJpegs(clip, { count: 4, maxSize: 448 });
    expect(frames).toHaveLength(4);
    for (const frame of frames) {
      expect(jpegSize(frame)).toEqual({ width: 320, height: 240 });
      expect(frame.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    }
    expect(new Set(frames.map((f) => f.toString("base64"))).size).toBe(4);
  });

  it("lands each seek on exactly the frame LLaMA-Factory would pick", async () => {
    const frames = await new FrameSampler().sampleJpegs(clip, { count: 4, maxSize: 448 });
    // 24 frames, 4 wanted: indices 0, 7, 15, 23. Decode frame n directly and encode it the same way.
    const byIndex = (n: number) =>
      execFileSync(mediaToolPath("ffmpeg"), [
        "-hide_banner",
        "-loglevel",
        "error",
        "-i",
        clip,
        "-vf",
        `select=eq(n\\,${n}),scale=w='min(448,iw)':h='min(448,ih)':force_original_aspect_ratio=decrease`,
        "-frames:v",
        "1",
        "-c:v",
        "mjpeg",
        "-q:v",
        "3",
        "-f",
        "image2pipe",
        "pipe:1",
      ]);
    expect(frames.map((frame) => frame.toString("base64"))).toEqual([0, 7, 15, 23].map((n) => byIndex(n).toString("base64")));
  });

  it("scales frames down to a longest side of maxSize, keeping the aspect ratio", async () => {
    const frames = await new FrameSampler().sampleJpegs(largeClip, { count: 2, maxSize: 448 });
    for (const frame of frames) expect(jpegSize(frame)).toEqual({ width: 448, height: 336 });
  });

  it("sends the frames as image_url data URLs to a server without video input", async () => {
    const server = await startScriptedServer(inSequence(chatReply("frames seen")));
    try {
      const config = parseInferenceBackendConfig({
        kind: "openai",
        baseUrl: server.url,
        model: "llava-hf/LLaVA-NeXT-Video-7B-hf",
        videoInput: "frames",
        frames: { count: 3, maxSize: 160 },
      });
      const result = await new InferenceClient(config).generate({
        prompt: "Describe the clip.",
        video: { url: "https://media.example/unused.mp4", localPath: clip },
      });
      expect(result.text).toBe("frames seen");
      const body = server.requests[0]?.json as { messages: { role: string; content: { type: string; image_url?: { url: string } }[] }[] };
      const parts = body.messages[0]?.content ?? [];
      expect(parts.map((p) => p.type)).toEqual(["image_url", "image_url", "image_url", "text"]);
      for (const part of parts.slice(0, 3)) {
        const url = part.image_url?.url ?? "";
        expect(url.startsWith("data:image/jpeg;base64,")).toBe(true);
        expect(jpegSize(Buffer.from(url.slice("data:image/jpeg;base64,".length), "base64"))).toEqual({ width: 160, height: 120 });
      }
    } finally {
      await server.close();
    }
  });

  it("names the file when the input is not a video", async () => {
    const missing = join(dir, "missing.mp4");
    const error = await new FrameSampler().sampleJpegs(missing, { count: 2, maxSize: 448 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameSamplingError);
    expect((error as Error).message).toContain(missing);
  });

  it("says clearly when the ffmpeg binary is missing", async () => {
    const error = await new FrameSampler({ ffprobePath: "ffprobe-that-does-not-exist" })
      .sampleJpegs(clip, { count: 1, maxSize: 448 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameSamplingError);
    expect((error as Error).message).toBe('ffprobe not found at "ffprobe-that-does-not-exist": frames cannot be sampled');
  });
});
