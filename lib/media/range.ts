export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive (as in Content-Range). */
  end: number;
}

const RANGE_SPEC = /^(\d*)-(\d*)$/;

/**
 * Interprets an HTTP Range header for a resource of `size` bytes (RFC 9110 §14).
 *   null            → serve the whole resource (no header, another unit, or a malformed one —
 *                     a server may ignore a Range it does not understand)
 *   "unsatisfiable" → answer 416 with `Content-Range: bytes *\/size`
 *   {start, end}    → answer 206 with `Content-Range: bytes start-end/size`
 * Supports "bytes=0-", "bytes=100-199", "bytes=-500" (the last 500 bytes); an end past the
 * resource is clamped. For a multi-range request only the first range is served (browsers
 * seeking video never send more than one).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | "unsatisfiable" | null {
  if (header === null || header === undefined) return null;
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (match === null) return null;
  const first = (match[1] ?? "").split(",")[0]?.trim() ?? "";
  const spec = RANGE_SPEC.exec(first);
  if (spec === null) return null;
  const [, startText = "", endText = ""] = spec;
  if (startText === "" && endText === "") return null;

  if (startText === "") {
    const suffixLength = Number(endText);
    if (suffixLength === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffixLength), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === "" ? Number.POSITIVE_INFINITY : Number(endText);
  if (end < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}
