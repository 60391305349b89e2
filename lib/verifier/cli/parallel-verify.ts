import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import { linesInRange } from "@/lib/verifier/cli/file-range";
import { parseInputLine } from "@/lib/verifier/cli/input-line";
import { renderBatch } from "@/lib/verifier/cli/render-batch";
import { type BatchOutput, verifyBatch } from "@/lib/verifier/cli/verify-batch";
import type { BatchRequest } from "@/lib/verifier/cli/verify-worker";
import type { VerifierConfig } from "@/lib/verifier/config";

const LINES_PER_BATCH = 500;

type Work = { readonly lines: readonly string[] } | { readonly file: string; readonly start: number; readonly end: number };

/** Byte ranges per thread a file is cut into: enough to keep threads busy and output flowing. */
const RANGES_PER_THREAD = 8;

/**
 * Verifies JSON lines on `threads` threads — this one and `threads - 1` workers — writing the output
 * in input order (the same lines `verifyJsonLines` writes without an embedder). A file is cut into
 * byte ranges that the threads read themselves; a stream is read here and handed out in batches
 * of lines. Work goes to a worker with fewer than two batches in hand, else is done here, so this
 * thread works while the workers start. Memory stays bounded by the batches in flight.
 */
export async function verifyInParallel(
  input: { readonly file: string; readonly size: number } | Readable,
  output: Writable,
  options: { config: VerifierConfig; threads: number },
): Promise<{ lines: number; errors: number }> {
  const workers = Array.from({ length: Math.max(1, options.threads - 1) }, () => startWorker(options.config));
  const inHand = workers.map(() => 0);
  const done = new Map<number, BatchOutput>();
  const waiting = new Map<number, (result: BatchOutput) => void>();
  let failure: unknown;
  workers.forEach((worker, w) => {
    worker.on("message", (result: BatchOutput & { batch: number }) => {
      inHand[w] = (inHand[w] as number) - 1;
      done.set(result.batch, result);
      waiting.get(result.batch)?.(result);
    });
    worker.once("error", (error) => {
      failure ??= error;
      for (const wake of waiting.values()) wake(undefined as unknown as BatchOutput);
    });
  });
  let lines = 0;
  let errors = 0;
  let nextLine = 1;
  let nextToWrite = 0;
  let batch = 0;
  const write = async (result: BatchOutput) => {
    lines += result.lines;
    errors += result.errors;
    const text = renderBatch(result, nextLine);
    nextLine += result.lineCount;
    if (!output.write(text)) await once(output, "drain");
  };
  /** Writes finished batches in order; with `all`, waits for the ones still in flight. */
  const flush = async (all: boolean) => {
    while (nextToWrite < batch) {
      let result = done.get(nextToWrite);
      if (result === undefined) {
        if (!all) return;
        const id = nextToWrite;
        result = await new Promise<BatchOutput>((resolve) => waiting.set(id, resolve));
        waiting.delete(id);
      }
      if (failure !== undefined) throw failure;
      done.delete(nextToWrite);
      nextToWrite++;
      await write(result as BatchOutput);
    }
  };
  const work: AsyncIterable<Work> | Iterable<Work> =
    "file" in input ? ranges(input.file, input.size, options.threads * RANGES_PER_THREAD) : batches(input);
  try {
    for await (const item of work) {
      if (failure !== undefined) throw failure;
      const id = batch++;
      const free = inHand.findIndex((count) => count < 2);
      if (free >= 0) {
        inHand[free] = (inHand[free] as number) + 1;
        (workers[free] as Worker).postMessage({ ...item, batch: id } as BatchRequest);
      } else {
        done.set(id, verifyHere(item, options.config));
      }
      await flush(false);
      // Let the workers' results in before taking the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await flush(true);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { lines, errors };
}

function verifyHere(item: Work, config: VerifierConfig): BatchOutput {
  const lines = "lines" in item ? item.lines : linesInRange(item.file, item.start, item.end);
  return verifyBatch(lines, config, parseInputLine) as BatchOutput;
}

/** The worker runs TypeScript: tsx's loader is registered in it before its module is imported. */
function startWorker(config: VerifierConfig): Worker {
  const entry = new URL("./verify-worker.ts", import.meta.url).href;
  const source = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(source, { eval: true, workerData: { config } });
}

/** The same output on this thread: batches of lines verified one after another. */
export async function verifyInProcess(
  input: Readable,
  output: Writable,
  config: VerifierConfig,
): Promise<{ lines: number; errors: number }> {
  let lines = 0;
  let errors = 0;
  let nextLine = 1;
  for await (const work of batches(input)) {
    if (!("lines" in work)) continue;
    const result = verifyBatch(work.lines, config, parseInputLine) as BatchOutput;
    lines += result.lines;
    errors += result.errors;
    const text = renderBatch(result, nextLine);
    nextLine += result.lineCount;
    if (!output.write(text)) await once(output, "drain");
  }
  return { lines, errors };
}

function* ranges(file: string, size: number, count: number): Generator<Work> {
  const step = Math.max(1, Math.ceil(size / count));
  for (let start = 0; start < size; start += step) yield { file, start, end: Math.min(size, start + step) };
}

/** The input's lines in batches (a leading byte-order mark is dropped). */
async function* batches(input: Readable): AsyncGenerator<Work> {
  input.setEncoding("utf8");
  let rest = "";
  let lines: string[] = [];
  let first = true;
  for await (const chunk of input as AsyncIterable<string>) {
    let text = rest + chunk;
    if (first) {
      if (text.startsWith("\uFEFF")) text = text.slice(1);
      first = false;
    }
    let from = 0;
    for (let end = text.indexOf("\n", from); end >= 0; end = text.indexOf("\n", from)) {
      lines.push(text.charCodeAt(end - 1) === 13 ? text.slice(from, end - 1) : text.slice(from, end));
      from = end + 1;
      if (lines.length >= LINES_PER_BATCH) {
        yield { lines };
        lines = [];
      }
    }
    rest = text.slice(from);
  }
  if (rest !== "") lines.push(rest);
  if (lines.length > 0) yield { lines };
}
