import { parseInputLine, type VerifyRequest } from "@/lib/verifier/cli/input-line";
import { toOutputVerdict } from "@/lib/verifier/cli/output-line";
import type { VerifierConfig } from "@/lib/verifier/config";
import { containsWordCharacter } from "@/lib/verifier/text/tokenize";
import { verifySync } from "@/lib/verifier/verify";

/** Output of a batch: one JSON text per non-blank input line, newline-terminated, and counts. */
export interface BatchOutput {
  readonly text: string;
  readonly lines: number;
  readonly errors: number;
}

/**
 * Verifies consecutive input lines (the first is line `firstLine` of the input) without an
 * embedder: each non-blank line gives one output line, a verdict or an error, as `verifyJsonLines`
 * writes them.
 */
export function verifyBatch(lines: readonly string[], firstLine: number, config: VerifierConfig): BatchOutput {
  let text = "";
  let count = 0;
  let errors = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    count++;
    const lineNumber = firstLine + i;
    const request = fastRequest(line) ?? parseInputLine(line, lineNumber);
    if ("ok" in request && !request.ok) {
      errors++;
      text += `${JSON.stringify({ ...(request.id === undefined ? {} : { id: request.id }), line: lineNumber, error: request.error })}\n`;
      continue;
    }
    const { id, target, answer, questionKind } = "ok" in request ? request.request : request;
    const verdict = verifySync(target, answer, config, questionKind === undefined ? {} : { questionKind });
    text += `${JSON.stringify(toOutputVerdict(id, verdict))}\n`;
  }
  return { text, lines: count, errors };
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
