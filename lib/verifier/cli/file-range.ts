import { closeSync, openSync, readSync } from "node:fs";

const NEWLINE = 0x0a;
const READ_MORE = 1 << 16;

/**
 * The lines of `file` that begin at a byte offset in [start, end) — a line begins at offset 0 or
 * after a newline — decoded as UTF-8 without their line ends ("\n" or "\r\n"). Splitting a file
 * into adjacent ranges gives every line to exactly one range.
 */
export function linesInRange(file: string, start: number, end: number): string[] {
  const fd = openSync(file, "r");
  try {
    const from = Math.max(0, start - 1);
    let buffer = Buffer.allocUnsafe(end - from + READ_MORE);
    let length = readSync(fd, buffer, 0, end - from, from);
    let first = start - from;
    if (start > 0 && buffer[0] !== NEWLINE) {
      const newline = buffer.indexOf(NEWLINE, 0);
      first = newline < 0 || newline >= length ? length : newline + 1;
    }
    if (first >= end - from || first >= length) return [];
    // Read on until the line that begins last in the range is complete.
    let searchFrom = Math.max(first, end - from - 1);
    while (buffer.indexOf(NEWLINE, searchFrom) < 0 || buffer.indexOf(NEWLINE, searchFrom) >= length) {
      if (length + READ_MORE > buffer.length) buffer = Buffer.concat([buffer.subarray(0, length)], length * 2 + READ_MORE);
      const read = readSync(fd, buffer, length, READ_MORE, from + length);
      if (read === 0) break;
      searchFrom = length;
      length += read;
    }
    const stop = lastLineEnd(buffer, length, end - from);
    let text = buffer.toString("utf8", first, stop);
    if (start === 0 && text.startsWith("\uFEFF")) text = text.slice(1);
    const lines = text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
    }
    return lines;
  } finally {
    closeSync(fd);
  }
}

/** Where the last line beginning before `rangeEnd` ends (its newline included), or the data's end. */
function lastLineEnd(buffer: Buffer, length: number, rangeEnd: number): number {
  const newline = buffer.indexOf(NEWLINE, rangeEnd - 1);
  return newline < 0 || newline >= length ? length : newline + 1;
}
