import { stat } from "node:fs/promises";
import { fileByteStream } from "./file-stream";
import { parseRange } from "./range";

export interface ServeFileOptions {
  contentType: string;
  /** Default "private, max-age=3600": media sits behind a session, so shared caches must not keep it. */
  cacheControl?: string;
}

/**
 * Answers a GET for a file on disk the way video players need: `206 Partial Content` for a Range
 * (with Content-Range), `416` for one past the end, `200` otherwise; Accept-Ranges, ETag and
 * Last-Modified always; `304` for a matching If-None-Match; If-Range honoured. Returns null when
 * the file does not exist (the caller answers 404).
 */
export async function serveFile(request: Request, filePath: string, options: ServeFileOptions): Promise<Response | null> {
  const info = await stat(filePath).catch(() => null);
  if (info === null || !info.isFile()) return null;
  const size = info.size;
  const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
  const headers = new Headers({
    "accept-ranges": "bytes",
    "cache-control": options.cacheControl ?? "private, max-age=3600",
    etag,
    "last-modified": lastModified,
    "content-type": options.contentType,
    "x-content-type-options": "nosniff",
  });

  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });

  const rangeHeader = rangeStillValid(request.headers.get("if-range"), etag, lastModified) ? request.headers.get("range") : null;
  const range = parseRange(rangeHeader, size);
  if (range === "unsatisfiable") {
    headers.set("content-range", `bytes */${size}`);
    headers.delete("content-type");
    return new Response(null, { status: 416, headers });
  }
  const head = request.method === "HEAD";
  if (range === null) {
    headers.set("content-length", String(size));
    return new Response(head || size === 0 ? null : fileByteStream(filePath, 0, size - 1), { status: 200, headers });
  }
  headers.set("content-range", `bytes ${range.start}-${range.end}/${size}`);
  headers.set("content-length", String(range.end - range.start + 1));
  return new Response(head ? null : fileByteStream(filePath, range.start, range.end), { status: 206, headers });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (header === null) return false;
  return header.split(",").some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}

/** If-Range: the range applies only while the file is unchanged (else the whole file is sent). */
function rangeStillValid(ifRange: string | null, etag: string, lastModified: string): boolean {
  if (ifRange === null) return true;
  const value = ifRange.trim();
  return value.startsWith('"') || value.startsWith("W/") ? value === etag : value === lastModified;
}

const CONTENT_TYPES: Record<string, string> = {
  ".mp4": "video/mp4",
  ".m4v": "video/mp4",
  ".mov": "video/quicktime",
  ".webm": "video/webm",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
};

/** The Content-Type for a media file by its extension (application/octet-stream when unknown). */
export function contentTypeOf(filePath: string): string {
  const dot = filePath.lastIndexOf(".");
  return (dot === -1 ? undefined : CONTENT_TYPES[filePath.slice(dot).toLowerCase()]) ?? "application/octet-stream";
}
