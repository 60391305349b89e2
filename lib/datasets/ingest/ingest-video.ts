import { stat } from "node:fs/promises";
import { z } from "zod";
import { MediaError } from "@/lib/media/errors";
import { framesToMp4 } from "@/lib/media/frames";
import { uploadMediaFile, type S3Settings } from "@/lib/media/object-storage";
import { makePoster } from "@/lib/media/poster";
import { probe, type ProbeResult } from "@/lib/media/probe";
import { resolveInside } from "@/lib/media/resolve-inside";
import { contentTypeOf } from "@/lib/media/serve-file";
import { transcodeToBrowserSafe } from "@/lib/media/transcode";
import { FINEDIVING_FPS } from "../finediving/parse";
import type { IngestVideoRow, ProbedMedia } from "../video-repository";
import { derivedClipPath, derivedVideoPath, posterPath, posterTime } from "./media-paths";

export type IngestResult =
  | { status: "READY"; media: ProbedMedia; converted: "none" | "transcoded" | "frames" | "clip" }
  | { status: "UNPLAYABLE"; reason: string };

export interface IngestEnvironment {
  /** The media store every path is relative to. */
  root: string;
  /** Served media is also uploaded here when set. */
  storage: S3Settings | null;
}

/** FineDiving's items: an MP4 that exists, one to make from frames, or (imported unchecked) either. */
const framesMetadata = z.object({
  mediaSource: z.enum(["frames", "unchecked"]),
  frameDir: z.string().min(1),
  fps: z.number().positive().optional(),
});

/** A video whose item asked for its window to be cut out of the source (STAR: `metadata.clipWindow`). */
const cutWindowMetadata = z.object({ clipWindow: z.literal("cut") });

/**
 * Makes one video playable in every browser: probes the source, keeps it when it already is a
 * browser-safe, faststart MP4, else transcodes it to one (a FineDiving frame folder is encoded at
 * 12 fps; a STAR clip's window is cut out of its Charades video, once per distinct window), then
 * writes a poster. A file that cannot be played gets the reason instead — nothing
 * is skipped silently. Only a missing ffmpeg (a broken installation, not a bad file) throws.
 * Outputs are written atomically and reused when newer than their source, so a retry is cheap.
 */
export async function ingestVideo(video: IngestVideoRow, env: IngestEnvironment): Promise<IngestResult> {
  try {
    const served = await makeServable(video, env);
    if ("reason" in served) return { status: "UNPLAYABLE", reason: served.reason };
    const poster = posterPath(video.datasetId, video.id);
    const posterFile = await inside(env.root, poster);
    if (posterFile === null) return { status: "UNPLAYABLE", reason: "the poster path is outside the media store" };
    const window =
      served.converted === "clip" ? { startSec: null, endSec: null } : { startSec: video.clipStartSec, endSec: video.clipEndSec };
    await makePoster(served.file, posterFile, posterTime(window, served.probe.durationSec));
    if (env.storage !== null) {
      await uploadMediaFile(env.storage, served.path, served.file, contentTypeOf(served.file));
      await uploadMediaFile(env.storage, poster, posterFile, "image/jpeg");
    }
    const { probe: facts } = served;
    return {
      status: "READY",
      converted: served.converted,
      media: {
        mediaPath: served.path,
        posterPath: poster,
        durationSec: facts.durationSec,
        fps: facts.fps,
        width: facts.width,
        height: facts.height,
        sizeBytes: facts.sizeBytes,
        videoCodec: facts.videoCodec,
        audioCodec: facts.audioCodec,
      },
    };
  } catch (error) {
    if (error instanceof MediaError && error.code !== "tool-missing") return { status: "UNPLAYABLE", reason: describe(error) };
    throw error;
  }
}

interface Servable {
  /** Relative to the media store. */
  path: string;
  file: string;
  probe: ProbeResult;
  converted: "none" | "transcoded" | "frames" | "clip";
}

async function makeServable(video: IngestVideoRow, env: IngestEnvironment): Promise<Servable | { reason: string }> {
  const frames = framesMetadata.safeParse(video.metadata);
  if (frames.success && (frames.data.mediaSource === "frames" || !(await sourceExists(video.sourcePath, env.root)))) {
    const frameDir = await inside(env.root, frames.data.frameDir);
    if (frameDir === null) return { reason: `the frame folder "${frames.data.frameDir}" is not inside the media store` };
    const output = derivedVideoPath(frames.data.frameDir);
    const file = await inside(env.root, output);
    if (file === null) return { reason: `the output "${output}" is not inside the media store` };
    if (!(await isNewerThan(file, frameDir))) await framesToMp4(frameDir, file, frames.data.fps ?? FINEDIVING_FPS);
    return { path: output, file, probe: await probe(file), converted: "frames" };
  }

  if (video.sourcePath === null) return { reason: "the annotation gives this video no media file" };
  const source = await inside(env.root, video.sourcePath);
  if (source === null) return { reason: `"${video.sourcePath}" is not inside the media store` };
  const window = cutWindowOf(video);
  if (window !== null) {
    const output = derivedClipPath(video.sourcePath, window);
    const file = await inside(env.root, output);
    if (file === null) return { reason: `the output "${output}" is not inside the media store` };
    const made = (await isNewerThan(file, source)) ? await probe(file) : await transcodeToBrowserSafe(source, file, { window });
    return { path: output, file, probe: made, converted: "clip" };
  }
  const facts = await probe(source);
  if (facts.isBrowserSafe && facts.faststart) return { path: video.sourcePath, file: source, probe: facts, converted: "none" };

  const output = derivedVideoPath(video.sourcePath);
  const file = await inside(env.root, output);
  if (file === null) return { reason: `the output "${output}" is not inside the media store` };
  const made = (await isNewerThan(file, source)) ? await probe(file) : await transcodeToBrowserSafe(source, file);
  return { path: output, file, probe: made, converted: "transcoded" };
}

function cutWindowOf(video: IngestVideoRow): { startSec: number; endSec: number } | null {
  const { clipStartSec: startSec, clipEndSec: endSec } = video;
  if (!cutWindowMetadata.safeParse(video.metadata).success || startSec === null || endSec === null || !(endSec > startSec)) return null;
  return { startSec, endSec };
}

async function sourceExists(sourcePath: string | null, root: string): Promise<boolean> {
  const file = sourcePath === null ? null : await inside(root, sourcePath);
  return file !== null && (await stat(file).catch(() => null))?.isFile() === true;
}

async function inside(root: string, relativePath: string): Promise<string | null> {
  return resolveInside(root, relativePath);
}

/** True when `output` exists and was written after `source` last changed. */
async function isNewerThan(output: string, source: string): Promise<boolean> {
  const [made, from] = await Promise.all([stat(output).catch(() => null), stat(source).catch(() => null)]);
  return made !== null && from !== null && made.isFile() && made.size > 0 && made.mtimeMs >= from.mtimeMs;
}

function describe(error: MediaError): string {
  switch (error.code) {
    case "not-found":
      return `source not found: ${error.reason}`;
    case "unplayable":
      return `not a playable video: ${error.reason}`;
    case "timeout":
      return `conversion timed out: ${error.reason}`;
    default:
      return `conversion failed: ${error.reason}`;
  }
}
