import { execFile } from "node:child_process";
import pLimit, { type LimitFunction } from "p-limit";
import { z } from "zod";
import { FrameSamplingError } from "@/lib/backends/errors";
import { type MediaTool, mediaToolPath } from "@/lib/media/tool-paths";

export interface FrameSamplingOptions {
  count: number;
  /** Longest side in pixels; smaller frames are left as they are. */
  maxSize: number;
}

export interface FrameSamplerDeps {
  /** Default: the resolved binaries (FFMPEG_PATH / FFPROBE_PATH, PATH, the npm packages). */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Concurrent ffmpeg processes (decoding is CPU-bound). */
  maxProcesses?: number;
  /** Sampled videos kept in memory, keyed by source and options. */
  cacheEntries?: number;
  processTimeoutMs?: number;
}

export interface VideoTiming {
  durationSeconds: number;
  /** Average frame rate, when the container tells it. */
  fps?: number;
}

/**
 * Indices of `count` frames spread evenly from the first frame to the last, as LLaMA-Factory picks
 * training frames (numpy.linspace(0, total_frames - 1, n) truncated to integers), so the model sees
 * the same moments in inference as in training.
 */
export function evenlySpacedFrameIndices(totalFrames: number, count: number): number[] {
  if (count === 1 || totalFrames <= 1) return Array.from({ length: count }, () => 0);
  // The epsilon keeps 23 from becoming 22.999… before truncation.
  return Array.from({ length: count }, (_, k) => Math.floor((k * (totalFrames - 1)) / (count - 1) + 1e-9));
}

/**
 * Seek times for those frames. ffmpeg returns the first frame at or after the seek time, so each
 * time sits a quarter frame before its frame. Without a known frame rate the frames are spread
 * over the duration, stopping 0.1 s short of the end.
 */
export function evenlySpacedTimes(timing: VideoTiming, count: number): number[] {
  const fps = timing.fps;
  if (fps && fps > 0) {
    const totalFrames = Math.max(1, Math.round(timing.durationSeconds * fps));
    return evenlySpacedFrameIndices(totalFrames, count).map((index) => Math.max(0, (index - 0.25) / fps));
  }
  const last = Math.max(0, timing.durationSeconds - 0.1);
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, k) => (k * last) / (count - 1));
}

function jpegDataUrl(jpeg: Buffer): string {
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}

/**
 * Samples N frames evenly over a video (a local path or a URL ffmpeg can read) as JPEG data URLs,
 * for servers that take images but not video.
 */
export class FrameSampler {
  private readonly paths: Partial<Record<MediaTool, string>>;
  private readonly limit: LimitFunction;
  private readonly cache = new Map<string, Promise<string[]>>();
  private readonly cacheEntries: number;
  private readonly processTimeoutMs: number;

  constructor(deps: FrameSamplerDeps = {}) {
    this.paths = { ffmpeg: deps.ffmpegPath, ffprobe: deps.ffprobePath };
    this.limit = pLimit(deps.maxProcesses ?? 2);
    this.cacheEntries = deps.cacheEntries ?? 32;
    this.processTimeoutMs = deps.processTimeoutMs ?? 60_000;
  }

  sampleDataUrls(source: string, options: FrameSamplingOptions): Promise<string[]> {
    const key = `${options.count}|${options.maxSize}|${source}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const pending = this.sampleJpegs(source, options).then((frames) => frames.map(jpegDataUrl));
    pending.catch(() => this.cache.delete(key));
    this.remember(key, pending);
    return pending;
  }

  async sampleJpegs(source: string, options: FrameSamplingOptions): Promise<Buffer[]> {
    const times = evenlySpacedTimes(await this.probe(source), options.count);
    return Promise.all(times.map((time) => this.limit(() => this.extractFrame(source, time, options.maxSize))));
  }

  async probe(source: string): Promise<VideoTiming> {
    const args = [
      "-v",
      "error",
      "-select_streams",
      "v:0",
      "-show_entries",
      "format=duration:stream=avg_frame_rate,duration",
      "-of",
      "json",
      source,
    ];
    const output = (await this.run("ffprobe", args, `probing ${source}`)).toString("utf8");
    const parsed = ffprobeOutputSchema.safeParse(safeJson(output));
    const stream = parsed.success ? parsed.data.streams?.[0] : undefined;
    const durationSeconds = Number(parsed.success ? (parsed.data.format?.duration ?? stream?.duration) : Number.NaN);
    if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
      throw new FrameSamplingError(`cannot sample frames from ${source}: ffprobe reports no duration (${output.trim() || "no output"})`);
    }
    const fps = frameRate(stream?.avg_frame_rate);
    return fps === undefined ? { durationSeconds } : { durationSeconds, fps };
  }

  private async extractFrame(source: string, timeSeconds: number, maxSize: number): Promise<Buffer> {
    const scale = `scale=w='min(${maxSize},iw)':h='min(${maxSize},ih)':force_original_aspect_ratio=decrease`;
    const args = [
      "-hide_banner",
      "-loglevel",
      "error",
      "-nostdin",
      "-ss",
      (Math.floor(timeSeconds * 1000) / 1000).toFixed(3),
      "-i",
      source,
      "-frames:v",
      "1",
      "-vf",
      scale,
      "-c:v",
      "mjpeg",
      "-q:v",
      "3",
      "-f",
      "image2pipe",
      "pipe:1",
    ];
    const jpeg = await this.run("ffmpeg", args, `extracting the frame at ${timeSeconds.toFixed(3)} s of ${source}`);
    if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) {
      throw new FrameSamplingError(`ffmpeg produced no JPEG frame at ${timeSeconds.toFixed(3)} s of ${source}`);
    }
    return jpeg;
  }

  /** Resolved at each run, not at construction: a client that never samples frames needs no ffmpeg. */
  private binary(tool: MediaTool): string {
    try {
      return this.paths[tool] ?? mediaToolPath(tool);
    } catch (error) {
      throw new FrameSamplingError(`cannot sample frames: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  private run(tool: MediaTool, args: string[], what: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const command = this.binary(tool);
      execFile(
        command,
        args,
        { encoding: "buffer", maxBuffer: 64 * 1024 * 1024, timeout: this.processTimeoutMs },
        (error, stdout, stderr) => {
          if (!error) return resolve(stdout);
          if ((error as NodeJS.ErrnoException).code === "ENOENT") {
            return reject(
              new FrameSamplingError(`${tool} not found at "${command}": frames cannot be sampled`, {
                cause: error,
              }),
            );
          }
          const detail = stderr.toString("utf8").trim() || error.message;
          reject(new FrameSamplingError(`${command} failed ${what}: ${detail}`, { cause: error }));
        },
      );
    });
  }

  private remember(key: string, value: Promise<string[]>): void {
    this.cache.set(key, value);
    while (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}

const ffprobeOutputSchema = z.object({
  streams: z.array(z.object({ avg_frame_rate: z.string().optional(), duration: z.string().optional() })).optional(),
  format: z.object({ duration: z.string().optional() }).optional(),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** ffprobe writes rates as fractions ("12/1", "30000/1001"; "0/0" when unknown). */
function frameRate(fraction: string | undefined): number | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(fraction ?? "");
  if (!match) return undefined;
  const rate = Number(match[1]) / Number(match[2]);
  return Number.isFinite(rate) && rate > 0 ? rate : undefined;
}
