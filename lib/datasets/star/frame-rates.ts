import path from "node:path";
import { FatalImportError } from "../errors";
import { readPickle } from "../finediving/unpickle";

/** Names STAR's per-video frame-rate pickle goes by, beside the QA file or in a class folder. */
export const STAR_FPS_FILE_NAMES = ["video_fps", "video_fps.pkl"] as const;

/**
 * Reads STAR's `video_fps` pickle (a dict of "<video_id>.mp4" → frames per second, numpy or
 * Python floats) into video id → fps. Anything else is a FatalImportError naming the file.
 */
export async function readStarFpsFile(filePath: string): Promise<Map<string, number>> {
  const file = path.basename(filePath);
  const value = await readPickle(filePath, file);
  if (!(value instanceof Map)) throw new FatalImportError({ file, reason: 'wrong structure: expected a dict of "<video_id>.mp4" → fps' });
  const rates = new Map<string, number>();
  for (const [key, fps] of value) {
    if (typeof key !== "string" || typeof fps !== "number" || !Number.isFinite(fps) || fps <= 0) {
      throw new FatalImportError({
        file,
        recordKey: String(key),
        reason: 'wrong structure: expected a dict of "<video_id>.mp4" → a positive number of frames per second',
      });
    }
    rates.set(key.replace(/\.mp4$/i, ""), fps);
  }
  return rates;
}
