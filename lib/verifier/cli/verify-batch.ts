import type { ParsedLine, VerifyRequest } from "@/lib/verifier/cli/input-line";
import { toOutputVerdict } from "@/lib/verifier/cli/output-line";
import { OutputBytes } from "@/lib/verifier/cli/output-bytes";
import { ReleasedClassLines } from "@/lib/verifier/cli/released-class-lines";
import type { VerifierConfig } from "@/lib/verifier/config";
import { containsWordCharacter } from "@/lib/verifier/text/tokenize";
import { verifySync } from "@/lib/verifier/verify";

/** A line that is not a valid request: its index in the batch and its text, numbered and explained later. */
interface BadLine {
  readonly index: number;
  readonly raw: string;
}

/** Output of a batch: verdict lines (UTF-8, newline-terminated) with the bad lines in their places. */
export interface BatchOutput {
  readonly pieces: readonly (Uint8Array | BadLine)[];
  /** Non-blank lines. */
  readonly lines: number;
  readonly errors: number;
  /** All lines, blank ones included (to number the lines of later batches). */
  readonly lineCount: number;
}

/** `parseInputLine`: passed in, so that the common lines need no schema library loaded. */
export type LineParser = (text: string, lineNumber: number) => ParsedLine;

const NEWLINE = 0x0a;
const releasedClassLines = new WeakMap<VerifierConfig, ReleasedClassLines>();

/**
 * Verifies the input lines in `bytes[start, end)` (whole lines, UTF-8; the last one may lack its
 * newline) without an embedder: each non-blank line gives one output line, a verdict, or a bad
 * line to be reported by `renderBatch` once its line number is known. Returns undefined when a
 * line needs `parse` and none was given.
 */
export function verifyBatch(
  data: Uint8Array,
  start: number,
  end: number,
  config: VerifierConfig,
  parse?: LineParser,
): BatchOutput | undefined {
  // A Buffer posted to a worker arrives as a Uint8Array.
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const fast = fastLines(config);
  fast?.restart();
  const out = new OutputBytes(Math.max(1 << 12, (end - start) >> 1));
  const pieces: (Uint8Array | BadLine)[] = [];
  let count = 0;
  let errors = 0;
  let index = 0;
  for (let from = start; from < end; index++) {
    const taken = fast === undefined ? -1 : fast.render(bytes, from, end, out);
    if (taken >= 0) {
      count++;
      from = taken + 1;
      continue;
    }
    const newline = bytes.indexOf(NEWLINE, from);
    const lineEnd = newline < 0 || newline >= end ? end : newline;
    const contentEnd = lineEnd > from && bytes[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
    const lineStart = from;
    from = lineEnd + 1;
    const line = bytes.toString("utf8", lineStart, contentEnd);
    if (line.trim() === "") continue;
    count++;
    const request = fastRequest(line) ?? parse?.(line, index + 1);
    if (request === undefined) return undefined;
    if ("ok" in request && !request.ok) {
      errors++;
      pieces.push(out.take(), { index, raw: line });
      continue;
    }
    const { id, target, answer, questionKind } = "ok" in request ? request.request : request;
    const verdict = verifySync(target, answer, config, questionKind === undefined ? {} : { questionKind });
    out.text(`${JSON.stringify(toOutputVerdict(id, verdict))}\n`);
  }
  pieces.push(out.take());
  return { pieces, lines: count, errors, lineCount: index };
}

function fastLines(config: VerifierConfig): ReleasedClassLines | undefined {
  if (!ReleasedClassLines.applies(config)) return undefined;
  let lines = releasedClassLines.get(config);
  if (lines === undefined) {
    lines = new ReleasedClassLines(config);
    releasedClassLines.set(config, lines);
  }
  return lines;
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
