import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { FatalImportError } from "./errors";

/** One element of a top-level JSON array, located in the file. */
export interface ArrayElement {
  /** 0-based position in the array. */
  index: number;
  /** Byte offset and length of the element's text in the file. */
  offset: number;
  length: number;
  /** 1-based line the element starts on. */
  line: number;
  /** The element's UTF-8 text. */
  bytes: Buffer;
}

enum State {
  BeforeArray,
  FirstValueOrEnd,
  Value,
  CommaOrEnd,
  InElement,
  AfterArray,
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Streams the elements of a top-level JSON array with their byte offsets, in constant memory.
 * It only finds where each element starts and ends (brackets and strings, byte by byte: UTF-8
 * multi-byte sequences never contain ASCII bytes); `JSON.parse` reads each element. This is
 * several times faster than a token-streaming parser, and the offsets let a second pass read an
 * element again directly (`readElementAt`). A file that is not an array, or is cut off, becomes a
 * FatalImportError with the line and column.
 */
export async function* scanJsonArray(filePath: string, file: string, batchSize = 256): AsyncGenerator<ArrayElement[]> {
  let state = State.BeforeArray;
  let line = 1;
  let lineStart = 0;
  let position = 0;
  let index = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false;
  let elementStart = 0;
  let elementLine = 1;
  let parts: Buffer[] = [];
  let batch: ArrayElement[] = [];

  const fail = (offset: number, reason: string): never => {
    throw new FatalImportError({ file, line, reason: `${reason} (line ${line}, column ${offset - lineStart + 1})` });
  };
  const finish = (chunk: Buffer, chunkStart: number, end: number) => {
    parts.push(chunk.subarray(Math.max(0, elementStart - chunkStart), end - chunkStart));
    const bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    batch.push({ index, offset: elementStart, length: end - elementStart, line: elementLine, bytes });
    parts = [];
    index += 1;
  };

  const source = createReadStream(filePath);
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const chunkStart = position;
      for (let i = 0; i < chunk.length; i += 1) {
        const byte = chunk[i] as number;
        const offset = chunkStart + i;
        if (state === State.InElement) {
          if (inString) {
            if (escaped) escaped = false;
            else if (byte === BACKSLASH) escaped = true;
            else if (byte === QUOTE) {
              inString = false;
              if (depth === 0) {
                finish(chunk, chunkStart, offset + 1);
                state = State.CommaOrEnd;
              }
            }
            continue;
          }
          if (scalar) {
            if (byte === 0x2c || byte === 0x5d || WHITESPACE.has(byte)) {
              finish(chunk, chunkStart, offset);
              state = State.CommaOrEnd;
              i -= 1; // let the separator be read in the CommaOrEnd state
            }
            continue;
          }
          if (byte === QUOTE) inString = true;
          else if (byte === 0x7b || byte === 0x5b) depth += 1;
          else if (byte === 0x7d || byte === 0x5d) {
            depth -= 1;
            if (depth === 0) {
              finish(chunk, chunkStart, offset + 1);
              state = State.CommaOrEnd;
            }
          } else if (byte === 0x0a) {
            line += 1;
            lineStart = offset + 1;
          }
          continue;
        }
        if (byte === 0x0a) {
          line += 1;
          lineStart = offset + 1;
          continue;
        }
        if (WHITESPACE.has(byte) || (offset === 0 && byte === 0xef)) continue; // whitespace, or a UTF-8 BOM's first byte
        if (state === State.BeforeArray) {
          if (offset <= 2 && (byte === 0xbb || byte === 0xbf)) continue; // the rest of a BOM
          if (byte !== 0x5b) {
            throw new FatalImportError({ file, line, reason: "expected a JSON array at the top level" });
          }
          state = State.FirstValueOrEnd;
        } else if (state === State.CommaOrEnd) {
          if (byte === 0x2c) state = State.Value;
          else if (byte === 0x5d) state = State.AfterArray;
          else fail(offset, `expected "," or "]" after element ${index - 1}`);
        } else if (state === State.AfterArray) {
          fail(offset, "unexpected data after the end of the array");
        } else if (byte === 0x5d) {
          if (state === State.Value) fail(offset, 'a comma before "]" (trailing comma)');
          state = State.AfterArray;
        } else {
          state = State.InElement;
          elementStart = offset;
          elementLine = line;
          depth = byte === 0x7b || byte === 0x5b ? 1 : 0;
          inString = byte === QUOTE;
          scalar = depth === 0 && !inString;
          escaped = false;
        }
      }
      if (state === State.InElement) parts.push(chunk.subarray(Math.max(0, elementStart - chunkStart)));
      position += chunk.length;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof FatalImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FatalImportError({ file, reason: `cannot read the file (${code ?? (error as Error).message})` });
  } finally {
    source.destroy();
  }
  // (TypeScript loses the loop's assignments across try/finally: widen explicitly.)
  const finalState = state as State;
  if (finalState !== State.AfterArray) {
    throw new FatalImportError({
      file,
      line,
      reason: `unexpected end of file (line ${line}, column ${position - lineStart + 1}): ${finalState === State.BeforeArray ? "the file is empty" : "the array is not closed — is the file truncated?"}`,
    });
  }
  if (batch.length > 0) yield batch;
}

/** Parses an element's text; a syntax error names the line inside the file where it is. */
export function parseElement(element: ArrayElement): { value: unknown } | { error: string; line: number } {
  const text = element.bytes.toString("utf8");
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const line = at === null ? element.line : element.line + countNewlines(text.slice(0, Number(at[1])));
    return { error: `invalid JSON in element ${element.index}: ${message}`, line };
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

/** Reads elements again by their offsets (the second pass of a two-pass import). */
export async function openElementReader(
  filePath: string,
): Promise<{ read(offset: number, length: number): Promise<Buffer>; close(): Promise<void> }> {
  const handle = await open(filePath, "r");
  return {
    async read(offset, length) {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}
