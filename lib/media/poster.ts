import { writeAtomically } from "./atomic-output";
import { MediaError } from "./errors";
import { probe } from "./probe";
import { assertToolPath, runTool } from "./run-tool";

export interface PosterOptions {
  /** Scale down to at most this width (keeping the aspect ratio); default 640. */
  maxWidth?: number;
}

/**
 * Writes a JPEG thumbnail of the frame at `atSec` (clamped into the video; a time past the end
 * takes a frame near the end). Atomic like every output here.
 */
export async function makePoster(src: string, dest: string, atSec: number, options: PosterOptions = {}): Promise<void> {
  assertToolPath(src, "the source video");
  assertToolPath(dest, "the destination");
  if (!Number.isFinite(atSec)) throw new MediaError("invalid-argument", "the poster time must be a number of seconds");
  const { durationSec } = await probe(src);
  const at = clampTime(atSec, durationSec);
  const maxWidth = Math.max(16, Math.floor(options.maxWidth ?? 640));
  await writeAtomically(dest, async (temp) => {
    await runTool(
      "ffmpeg",
      [
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-ss",
        at.toFixed(3),
        "-i",
        src,
        "-frames:v",
        "1",
        "-vf",
        `scale='min(${maxWidth},iw)':-2`,
        "-q:v",
        "3",
        "-f",
        "image2",
        "-c:v",
        "mjpeg",
        temp,
      ],
      { timeoutMs: 60_000 },
    );
  });
}

function clampTime(atSec: number, durationSec: number | null): number {
  const latest = durationSec === null ? atSec : Math.max(0, durationSec - 0.1);
  return Math.min(Math.max(0, atSec), latest);
}
