import type { ParsedLine, VerifyRequest } from "@/lib/verifier/cli/input-line";
import { toOutputVerdict } from "@/lib/verifier/cli/output-line";
import type { VerifierConfig } from "@/lib/verifier/config";
import { containsWordCharacter } from "@/lib/verifier/text/tokenize";
import { verifySync } from "@/lib/verifier/verify";

/** A line that is not a valid request: its index in the batch and its text, numbered and explained later. */
interface BadLine {
  readonly index: number;
  readonly raw: string;
}

/** Output of a batch: verdict lines (newline-terminated) with the bad lines in their places. */
export interface BatchOutput {
  readonly pieces: readonly (string | BadLine)[];
  /** Non-blank lines. */
  readonly lines: number;
  readonly errors: number;
  /** All lines, blank ones included (to number the lines of later batches). */
  readonly lineCount: number;
}

/** `parseInputLine`: passed in, so that the common lines need no schema library loaded. */
export type LineParser = (text: string, lineNumber: number) => ParsedLine;

/**
 * Verifies consecutive input lines without an embedder: each non-blank line gives one output line,
 * a verdict, or a bad line to be reported by `renderBatch` once its line number is known. Returns
 * undefined when a line needs `parse` and none was given.
 */
export function verifyBatch(lines: readonly string[], config: VerifierConfig, parse?: LineParser): BatchOutput | undefined {
  const pieces: (string | BadLine)[] = [];
  let text = "";
  let count = 0;
  let errors = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    count++;
    const fast = fastRequest(line);
    if (fast === undefined && parse === undefined) return undefined;
    const request = fast ?? (parse as LineParser)(line, i + 1);
    if ("ok" in request && !request.ok) {
      errors++;
      pieces.push(text, { index: i, raw: line });
      text = "";
      continue;
    }
    const { id, target, answer, questionKind } = "ok" in request ? request.request : request;
    const verdict = verifySync(target, answer, config, questionKind === undefined ? {} : { questionKind });
    text += `${JSON.stringify(toOutputVerdict(id, verdict))}\n`;
  }
  pieces.push(text);
  return { pieces, lines: count, errors, lineCount: lines.length };
}

/**
 * The common line, a text label (class or caption) with string fields, read without the schema
 * check; anything else (and every error) goes through `parseInputLine`, which names the problem.
 */
function fastRequest(line: string): VerifyRequest | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (json === null || typeof json !== "object") return undefined;
  const { id, labelType, label, answer, kind } = json as Record<string, unknown>;
  if (typeof id !== "string" && typeof id !== "number") return undefined;
  if ((labelType !== "class" && labelType !== "caption") || typeof label !== "string" || typeof answer !== "string") return undefined;
  if (kind !== undefined && typeof kind !== "string") return undefined;
  if (!containsWordCharacter(label)) return undefined;
  return { id, target: { labelType, label }, answer, ...(kind === undefined ? {} : { questionKind: kind }) };
}
