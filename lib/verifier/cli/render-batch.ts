import { parseInputLine } from "@/lib/verifier/cli/input-line";
import type { BatchOutput } from "@/lib/verifier/cli/verify-batch";

/** The batch's output (UTF-8), its first line being line `firstLine` of the input. */
export function renderBatch(output: BatchOutput, firstLine: number): Uint8Array[] {
  return output.pieces.map((piece) => {
    if (piece instanceof Uint8Array) return piece;
    const line = firstLine + piece.index;
    const parsed = parseInputLine(piece.raw, line);
    const error = parsed.ok
      ? { line, error: `line ${line}: cannot be verified` }
      : { ...(parsed.id === undefined ? {} : { id: parsed.id }), line, error: parsed.error };
    return Buffer.from(`${JSON.stringify(error)}\n`, "utf8");
  });
}
