import { stat } from "node:fs/promises";
import { z } from "zod";
import { isBrowserSafe } from "./browser-safe";
import { MediaError } from "./errors";
import { hasFaststart } from "./faststart";
import { assertToolPath, runTool } from "./run-tool";

export interface ProbeResult {
  durationSec: number | null;
  fps: number | null;
  width: number;
  height: number;
  sizeBytes: number;
  videoCodec: string;
  audioCodec: string | null;
  pixFmt: string | null;
  /** "mp4", "mov", "webm", "matroska", "avi", ... (the first matching demuxer name otherwise). */
  container: string;
  /** moov before mdat (MP4/MOV only; false for other containers). */
  faststart: boolean;
  isBrowserSafe: boolean;
}

const streamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  pix_fmt: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
});

const ffprobeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z
    .object({
      format_name: z.string().optional(),
      duration: z.string().optional(),
      tags: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});

type FfprobeStream = z.infer<typeof streamSchema>;

/**
 * Probes a media file with `ffprobe -show_format -show_streams`. A file ffprobe cannot read, or
 * one without a video stream, raises MediaError("unplayable") with the reason.
 */
export async function probe(filePath: string): Promise<ProbeResult> {
  assertToolPath(filePath, "the file to probe");
  const sizeBytes = await fileSize(filePath);
  const output = await runTool("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", filePath], {
    timeoutMs: 30_000,
  }).catch((error: unknown) => {
    if (error instanceof MediaError && error.code === "ffmpeg-failed") {
      throw new MediaError("unplayable", error.reason, filePath);
    }
    throw error;
  });
  const parsed = ffprobeSchema.safeParse(parseJson(output.stdout));
  if (!parsed.success) throw new MediaError("unplayable", "ffprobe returned output that is not understood", filePath);
  const { streams, format } = parsed.data;
  const video = streams.find((s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1);
  if (video === undefined) throw new MediaError("unplayable", "no video stream", filePath);
  if (video.width === undefined || video.height === undefined || video.width <= 0 || video.height <= 0) {
    throw new MediaError("unplayable", "the video stream has no frame size", filePath);
  }
  const audio = streams.find((s) => s.codec_type === "audio");
  const container = containerOf(format?.format_name ?? "", format?.tags?.major_brand);
  const faststart = container === "mp4" || container === "mov" ? await hasFaststart(filePath) : false;
  const result = {
    durationSec: positiveNumber(format?.duration) ?? positiveNumber(video.duration),
    fps: frameRateOf(video),
    width: video.width,
    height: video.height,
    sizeBytes,
    videoCodec: video.codec_name ?? "unknown",
    audioCodec: audio?.codec_name ?? null,
    pixFmt: video.pix_fmt ?? null,
    container,
    faststart,
  };
  return { ...result, isBrowserSafe: isBrowserSafe(result) };
}

async function fileSize(filePath: string): Promise<number> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new MediaError("not-found", "not a regular file", filePath);
    return info.size;
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError("not-found", "the file does not exist or cannot be read", filePath);
  }
}

function containerOf(formatName: string, majorBrand: string | undefined): string {
  const names = formatName.split(",");
  if (names.includes("mp4") || names.includes("mov")) return majorBrand?.trim() === "qt" ? "mov" : "mp4";
  if (names.includes("webm")) return "webm";
  return names[0] || "unknown";
}

function frameRateOf(stream: FfprobeStream): number | null {
  return ratio(stream.avg_frame_rate) ?? ratio(stream.r_frame_rate);
}

function ratio(text: string | undefined): number | null {
  if (text === undefined) return null;
  const [numerator, denominator = "1"] = text.split("/");
  const value = Number(numerator) / Number(denominator);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function positiveNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || "{}");
  } catch {
    return null;
  }
}
