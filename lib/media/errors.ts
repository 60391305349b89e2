import { DomainError, type DomainErrorKind } from "@/lib/errors/domain-error";

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

/** How each failure answers a caller who is not the ingest itself (which reads `code`). */
const KIND_OF_CODE: Record<MediaErrorCode, DomainErrorKind> = {
  "not-found": "not-found",
  unplayable: "unprocessable",
  "ffmpeg-failed": "unprocessable",
  "tool-missing": "unavailable",
  "invalid-argument": "invalid-input",
  timeout: "unavailable",
};

/**
 * A media operation that failed, with a reason fit to show a user (e.g. `Video.unplayableReason`).
 * Callers that need the detail read `code`; to everyone else it is the DomainError of its kind.
 */
export class MediaError extends DomainError {
  constructor(
    readonly code: MediaErrorCode,
    readonly reason: string,
    readonly file?: string,
  ) {
    super(KIND_OF_CODE[code], file === undefined ? `${code}: ${reason}` : `${code}: ${reason} (${file})`);
    this.name = "MediaError";
  }
}
