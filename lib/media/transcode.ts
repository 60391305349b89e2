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

/**
 * libx264 settings shared by every browser-safe output, at a constant `fps`. The fps filter (not
 * -fps_mode, which ffmpeg before 5.1 lacks, nor -vsync, deprecated since) makes the rate constant
 * on every ffmpeg version.
 */
export function h264BrowserSafeArgs(fps: number, crf: number): string[] {
  return [
    "-c:v",
    "libx264",
    "-profile:v",
    "main",
    "-pix_fmt",
    "yuv420p",
    "-preset",
    "veryfast",
    "-crf",
    String(crf),
    // Even dimensions are required by 4:2:0 chroma subsampling.
    "-vf",
    `scale=trunc(iw/2)*2:trunc(ih/2)*2,fps=${fps}`,
    "-r",
    String(fps),
    "-movflags",
    "+faststart",
  ];
}

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
        ...h264BrowserSafeArgs(fps, options.crf ?? 23),
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
