import { parseInputLine, type VerifyRequest } from "@/lib/verifier/cli/input-line";
import { toOutputVerdict, type OutputError } from "@/lib/verifier/cli/output-line";
import type { VerifierConfig } from "@/lib/verifier/config";
import type { Embedder } from "@/lib/verifier/embeddings/embedder";
import { verifyMany, verifySync } from "@/lib/verifier/verify";

/** One output line (JSON text, no newline) and whether it reports an error. */
export interface OutputLine {
  readonly json: string;
  readonly isError: boolean;
}

export interface VerifyLinesOptions {
  readonly config: VerifierConfig;
  readonly embedder?: Embedder;
  /** Lines verified together (one embedding request) when an embedder is set; default 64. */
  readonly batchSize?: number;
}

type Pending = { line: number; request: VerifyRequest } | { line: number; error: OutputError };

/**
 * Verifies JSON lines in order, one output line per non-blank input line. Memory stays flat: without
 * an embedder each line is answered as it arrives; with one, at most `batchSize` lines are held.
 */
export async function* verifyJsonLines(lines: AsyncIterable<string>, options: VerifyLinesOptions): AsyncGenerator<OutputLine> {
  const batchSize = Math.max(1, options.batchSize ?? 64);
  let batch: Pending[] = [];
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const text = lineNumber === 1 && raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
    if (text.trim() === "") continue;
    const parsed = parseInputLine(text, lineNumber);
    const pending: Pending = parsed.ok
      ? { line: lineNumber, request: parsed.request }
      : { line: lineNumber, error: { ...(parsed.id === undefined ? {} : { id: parsed.id }), line: lineNumber, error: parsed.error } };
    if (options.embedder === undefined) {
      yield answerNow(pending, options.config);
      continue;
    }
    batch.push(pending);
    if (batch.length >= batchSize) {
      yield* await answerBatch(batch, options.config, options.embedder);
      batch = [];
    }
  }
  if (batch.length > 0 && options.embedder !== undefined) yield* await answerBatch(batch, options.config, options.embedder);
}

function answerNow(pending: Pending, config: VerifierConfig): OutputLine {
  if ("error" in pending) return errorLine(pending.error);
  const { id, target, answer, questionKind } = pending.request;
  const verdict = verifySync(target, answer, config, questionKind === undefined ? {} : { questionKind });
  return { json: JSON.stringify(toOutputVerdict(id, verdict)), isError: false };
}

async function answerBatch(batch: readonly Pending[], config: VerifierConfig, embedder: Embedder): Promise<OutputLine[]> {
  const requests = batch.flatMap((pending) => ("request" in pending ? [pending.request] : []));
  let verdicts;
  try {
    verdicts = await verifyMany(
      requests.map(({ target, answer, questionKind }) => ({
        targets: target,
        answer,
        ...(questionKind === undefined ? {} : { questionKind }),
      })),
      config,
      { embedder },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return batch.map((pending) =>
      "error" in pending
        ? errorLine(pending.error)
        : errorLine({ id: pending.request.id, line: pending.line, error: `line ${pending.line}: ${message}` }),
    );
  }
  let next = 0;
  return batch.map((pending) => {
    if ("error" in pending) return errorLine(pending.error);
    const verdict = verdicts[next++];
    if (verdict === undefined) throw new Error("verifyJsonLines: fewer verdicts than requests");
    return { json: JSON.stringify(toOutputVerdict(pending.request.id, verdict)), isError: false };
  });
}

function errorLine(error: OutputError): OutputLine {
  return { json: JSON.stringify(error), isError: true };
}
