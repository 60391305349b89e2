import { closeSync, openSync, readSync } from "node:fs";

const NEWLINE = 0x0a;
const READ_MORE = 1 << 16;

/**
 * The buffer the last range was read into, used again for the next: a thread reads its ranges
 * one after another, and a fresh buffer each time would cost page faults and garbage collections.
 */
let reusable: Buffer | undefined;

function readBuffer(size: number): Buffer {
  if (reusable === undefined || reusable.length < size) reusable = Buffer.allocUnsafeSlow(size);
  return reusable;
}

/** Lines of a file as bytes: `bytes[from, to)`, whole lines, the last one maybe without its newline. */
export interface LineBytes {
  readonly bytes: Buffer;
  readonly from: number;
  readonly to: number;
}

/**
 * The lines of `file` that begin at a byte offset in [start, end) — a line begins at offset 0 or
 * after a newline — as bytes, without the file's byte-order mark. Splitting a file into adjacent
 * ranges gives every line to exactly one range. The bytes are good until the next call.
 */
export function lineBytesInRange(file: string, start: number, end: number): LineBytes {
  const fd = openSync(file, "r");
  try {
    const from = Math.max(0, start - 1);
    let buffer = readBuffer(end - from + READ_MORE);
    let length = readSync(fd, buffer, 0, end - from, from);
    let first = start - from;
    if (start > 0 && buffer[0] !== NEWLINE) {
      const newline = buffer.indexOf(NEWLINE, 0);
      first = newline < 0 || newline >= length ? length : newline + 1;
    }
    if (first >= end - from || first >= length) return { bytes: buffer, from: 0, to: 0 };
    // Read on until the line that begins last in the range is complete.
    let searchFrom = Math.max(first, end - from - 1);
    while (buffer.indexOf(NEWLINE, searchFrom) < 0 || buffer.indexOf(NEWLINE, searchFrom) >= length) {
      if (length + READ_MORE > buffer.length) {
        const grown = Buffer.allocUnsafeSlow(length * 2 + READ_MORE);
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
        reusable = grown;
      }
      const read = readSync(fd, buffer, length, READ_MORE, from + length);
      if (read === 0) break;
      searchFrom = length;
      length += read;
    }
    const stop = lastLineEnd(buffer, length, end - from);
    if (start === 0 && stop >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) first = 3;
    return { bytes: buffer, from: first, to: stop };
  } finally {
    closeSync(fd);
  }
}

/** Where the last line beginning before `rangeEnd` ends (its newline included), or the data's end. */
function lastLineEnd(buffer: Buffer, length: number, rangeEnd: number): number {
  const newline = buffer.indexOf(NEWLINE, rangeEnd - 1);
  return newline < 0 || newline >= length ? length : newline + 1;
}
