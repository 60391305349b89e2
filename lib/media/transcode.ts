import { writeAtomically } from "./atomic-output";
import { probe, type ProbeResult } from "./probe";
import { assertToolPath, runTool } from "./run-tool";

export interface TranscodeOptions {
  /** x264 quality (lower is better); default 23. */
  crf?: number;
  /** Frame rate of the output (constant); default: the source's average rate, or 30. */
  fps?: number;
  /** Only this part of the source, in seconds (a STAR question's window): the output starts at 0. */
  window?: { startSec: number; endSec: number };
  timeoutMs?: number;
}

/** libx264 encoding settings shared by every browser-safe output. */
export const H264_BROWSER_SAFE_ARGS = [
  "-c:v",
  "libx264",
  "-profile:v",
  "main",
  "-pix_fmt",
  "yuv420p",
  "-preset",
  "veryfast",
  // Even dimensions are required by 4:2:0 chroma subsampling.
  "-vf",
  "scale=trunc(iw/2)*2:trunc(ih/2)*2",
  "-movflags",
  "+faststart",
] as const;

/**
 * Re-encodes any video ffmpeg can decode into a browser-safe MP4: H.264 main profile, yuv420p,
 * constant frame rate, faststart, AAC stereo audio when the source has audio. Atomic: `dest`
 * appears only once complete. Returns the probe of the result.
 */
export async function transcodeToBrowserSafe(src: string, dest: string, options: TranscodeOptions = {}): Promise<ProbeResult> {
  assertToolPath(src, "the source video");
  assertToolPath(dest, "the destination");
  const source = await probe(src);
  const fps = options.fps ?? sensibleFps(source.fps);
  await writeAtomically(dest, async (temp) => {
    await runTool(
      "ffmpeg",
      [
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        ...windowArgs(options.window),
        "-i",
        src,
        "-map",
        "0:v:0",
        "-map",
        "0:a:0?",
        ...H264_BROWSER_SAFE_ARGS,
        "-crf",
        String(options.crf ?? 23),
        "-fps_mode",
        "cfr",
        "-r",
        String(fps),
        "-c:a",
        "aac",
        "-b:a",
        "128k",
        "-ac",
        "2",
        "-f",
        "mp4",
        temp,
      ],
      { timeoutMs: options.timeoutMs ?? 30 * 60_000 },
    );
  });
  return probe(dest);
}

/** Input seeking to the window's start (frame-accurate when re-encoding) and its length. */
function windowArgs(window: TranscodeOptions["window"]): string[] {
  if (window === undefined) return [];
  return ["-ss", String(window.startSec), "-t", String(Math.max(0, window.endSec - window.startSec))];
}

/** The source's frame rate rounded to 3 decimals when plausible, else 30. */
function sensibleFps(fps: number | null): number {
  if (fps === null || fps < 1 || fps > 120) return 30;
  return Math.round(fps * 1000) / 1000;
}
