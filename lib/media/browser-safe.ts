/** Audio every browser (Safari included) decodes inside MP4. */
const SAFE_AUDIO = new Set(["aac", "mp3"]);

export interface BrowserSafetyFacts {
  videoCodec: string;
  audioCodec: string | null;
  pixFmt: string | null;
  container: string;
}

/**
 * Plays in every browser as is: H.264 in 8-bit 4:2:0 (yuv420p) inside MP4/MOV, with AAC/MP3 audio
 * or none. Faststart is desirable but not required (range requests cover it), so it is reported
 * separately by `probe`.
 */
export function isBrowserSafe(facts: BrowserSafetyFacts): boolean {
  return (
    facts.videoCodec === "h264" &&
    facts.pixFmt === "yuv420p" &&
    (facts.container === "mp4" || facts.container === "mov") &&
    (facts.audioCodec === null || SAFE_AUDIO.has(facts.audioCodec))
  );
}
