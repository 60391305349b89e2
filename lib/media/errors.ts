export type MediaErrorCode =
  /** The file does not exist or cannot be read. */
  | "not-found"
  /** ffprobe/ffmpeg cannot decode it, or it has no video stream. */
  | "unplayable"
  /** ffmpeg ran but failed (the reason holds its error text). */
  | "ffmpeg-failed"
  /** The ffmpeg or ffprobe binary is not installed. */
  | "tool-missing"
  /** A path or option was refused before running anything. */
  | "invalid-argument"
  | "timeout";

/** A media operation that failed, with a reason fit to show a user (e.g. `Video.unplayableReason`). */
export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    readonly reason: string,
    readonly file?: string,
  ) {
    super(file === undefined ? `${code}: ${reason}` : `${code}: ${reason} (${file})`);
    this.name = "MediaError";
  }
}
