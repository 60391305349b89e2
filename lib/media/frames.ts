import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { writeAtomically } from "./atomic-output";
import { MediaError } from "./errors";
import { h264BrowserSafeArgs } from "./transcode";
import { assertToolPath, runTool } from "./run-tool";

const FRAME_FILE = /\.jpe?g$/i;

/** The JPEG frames of a folder in playback order (numeric-aware name order: 2.jpg before 10.jpg). */
async function listFrames(frameDir: string): Promise<string[]> {
  const entries = await readdir(frameDir, { withFileTypes: true }).catch(() => {
    throw new MediaError("not-found", "the frame folder does not exist or cannot be read", frameDir);
  });
  return entries
    .filter((entry) => entry.isFile() && FRAME_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort(new Intl.Collator("en", { numeric: true }).compare);
}

/**
 * Encodes a folder of JPEG frames (FineDiving's `{event}/{index}/00489.jpg ...`, any numbering)
 * into a browser-safe MP4 at `fps` (FineDiving: 12). Frames are streamed to ffmpeg's standard
 * input, so file names never reach its command line. Returns the number of frames.
 */
export async function framesToMp4(frameDir: string, dest: string, fps = 12): Promise<number> {
  assertToolPath(frameDir, "the frame folder");
  assertToolPath(dest, "the destination");
  if (!Number.isFinite(fps) || fps <= 0 || fps > 240) throw new MediaError("invalid-argument", `fps must be in (0, 240], got ${fps}`);
  const frames = await listFrames(frameDir);
  if (frames.length === 0) throw new MediaError("invalid-argument", "no JPEG frames in the folder", frameDir);
  await writeAtomically(dest, async (temp) => {
    await runTool(
      "ffmpeg",
      [
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "image2pipe",
        "-framerate",
        String(fps),
        "-c:v",
        "mjpeg",
        "-i",
        "pipe:0",
        ...h264BrowserSafeArgs(fps, 23),
        "-f",
        "mp4",
        temp,
      ],
      { stdin: concatFiles(frames.map((name) => path.join(frameDir, name))), timeoutMs: 10 * 60_000 },
    );
  });
  return frames.length;
}

/** One stream of the files' bytes back to back, read one file at a time. */
function concatFiles(files: string[]): PassThrough {
  const out = new PassThrough();
  void (async () => {
    try {
      for (const file of files) {
        for await (const chunk of createReadStream(file)) {
          if (out.destroyed) return;
          if (!out.write(chunk)) await drainedOrClosed(out);
        }
      }
      out.end();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return out;
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}
