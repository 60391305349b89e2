import { parseInputLine } from "@/lib/verifier/cli/input-line";
import type { BatchOutput } from "@/lib/verifier/cli/verify-batch";

/** The batch's output text, its first line being line `firstLine` of the input. */
export function renderBatch(output: BatchOutput, firstLine: number): string {
  let text = "";
  for (const piece of output.pieces) {
    if (typeof piece === "string") {
      text += piece;
      continue;
    }
    const line = firstLine + piece.index;
    const parsed = parseInputLine(piece.raw, line);
    const error = parsed.ok
      ? { line, error: `line ${line}: cannot be verified` }
      : { ...(parsed.id === undefined ? {} : { id: parsed.id }), line, error: parsed.error };
    text += `${JSON.stringify(error)}\n`;
  }
  return text;
}
