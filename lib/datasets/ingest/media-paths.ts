/** Where the ingest step writes, inside the media store (all relative, "/"-separated). */

/** The browser-safe MP4 made from a source file or frame folder (shared by every clip of that source). */
export function derivedVideoPath(sourcePath: string): string {
  const withoutExtension = sourcePath.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  return `derived/${withoutExtension}.mp4`;
}

/**
 * The browser-safe MP4 of one window of a source (a STAR question's `start`–`end`): one per
 * distinct source and window, so every clip of that window, in any dataset or re-import, shares it.
 */
export function derivedClipPath(sourcePath: string, window: { startSec: number; endSec: number }): string {
  const withoutExtension = sourcePath.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  return `derived/clips/${withoutExtension}_${window.startSec}_${window.endSec}.mp4`;
}

export function isDerivedClipPath(mediaPath: string): boolean {
  return mediaPath.startsWith("derived/clips/");
}

/** A video's poster (per video: two clips of one source have different posters). */
export function posterPath(datasetId: number, videoId: number): string {
  return `posters/${datasetId}/${videoId}.jpg`;
}

/** The moment a poster shows: the middle of the clip, or of the file. */
export function posterTime(clip: { startSec: number | null; endSec: number | null }, durationSec: number | null): number {
  if (clip.startSec !== null && clip.endSec !== null) return (clip.startSec + clip.endSec) / 2;
  if (clip.startSec !== null) return clip.startSec;
  return durationSec === null ? 0 : durationSec / 2;
}
