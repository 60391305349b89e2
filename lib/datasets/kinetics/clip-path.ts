import { renderTemplate } from "../templates/render";

/** Kinetics clips are commonly named `{youtube_id}_{start:06d}_{end:06d}.mp4`. */
export const DEFAULT_CLIP_PATH_TEMPLATE = "{youtube_id}_{start}_{end}.mp4";

/** YouTube ids are 11 characters of the URL-safe base64 alphabet; we accept any length of it. */
export const YOUTUBE_ID = /^[A-Za-z0-9_-]+$/;

/** Whole seconds, zero-padded to six digits (fractional times are rounded). */
function padSeconds(seconds: number): string {
  return String(Math.round(seconds)).padStart(6, "0");
}

export function kineticsVideoKey(youtubeId: string, start: number, end: number): string {
  return `${youtubeId}_${padSeconds(start)}_${padSeconds(end)}`;
}

/**
 * The clip's path under the media root. The template may use {youtube_id}, {start}, {end}
 * (six-digit padded), {split} and {label}, e.g. "{split}/{label}/{youtube_id}_{start}_{end}.mp4".
 */
export function kineticsClipPath(
  template: string,
  clip: { youtubeId: string; start: number; end: number; split: string; label: string },
): string {
  return renderTemplate(template, {
    youtube_id: clip.youtubeId,
    start: padSeconds(clip.start),
    end: padSeconds(clip.end),
    split: clip.split,
    label: clip.label,
  });
}
