import { readFile } from "node:fs/promises";
import path from "node:path";
import { Parser } from "pickleparser";
import { FatalImportError } from "../errors";
import { numpyNameRegistry, plainNumpy } from "./numpy";

/**
 * Reads a pickle file with pickleparser, numpy objects decoded (see numpy.ts). Dicts become JS
 * Maps (so tuple and integer keys survive), tuples and lists arrays. Anything that is not a
 * readable pickle becomes a FatalImportError naming the file.
 */
export async function readPickle(filePath: string, displayName?: string): Promise<unknown> {
  const file = displayName ?? path.basename(filePath);
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    throw new FatalImportError({ file, reason: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})` });
  }
  return unpickle(bytes, file);
}

export function unpickle(bytes: Uint8Array, file: string): unknown {
  if (bytes[0] !== 0x80 || (bytes[1] ?? 0) < 2) {
    throw new FatalImportError({
      file,
      reason: "not a pickle (protocol 2 or later expected: the file does not start with the PROTO opcode)",
    });
  }
  try {
    const parser = new Parser({ nameResolver: numpyNameRegistry(), unpicklingTypeOfDictionary: "Map", unpicklingTypeOfSet: "array" });
    return plainNumpy(parser.parse(bytes));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FatalImportError({ file, reason: `not a readable pickle: ${message}` });
  }
}
