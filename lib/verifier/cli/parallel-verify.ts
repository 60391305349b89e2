import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import { lineBytesInRange } from "@/lib/verifier/cli/file-range";
import { parseInputLine } from "@/lib/verifier/cli/input-line";
import { renderBatch } from "@/lib/verifier/cli/render-batch";
import { type BatchOutput, verifyBatch } from "@/lib/verifier/cli/verify-batch";
import type { BatchRequest } from "@/lib/verifier/cli/verify-worker";
import type { VerifierConfig } from "@/lib/verifier/config";

/** Input of one batch: whole lines read from a stream, or a byte range of a file that its thread reads. */
type Work = { readonly bytes: Uint8Array } | { readonly file: string; readonly start: number; readonly end: number };

/** A file is cut into byte ranges of at most this size (and, with workers, at least 8 per thread): small enough to keep threads busy and output flowing. */
const RANGE_BYTES = 2 ** 21;
const RANGES_PER_THREAD = 8;
/** A stream is handed out in batches of whole lines of about this size. */
const BATCH_BYTES = 2 ** 20;

/** Where the input comes from: a file of known size, or a stream. */
export type VerifyInput = { readonly file: string; readonly size: number } | Readable;

/**
 * Verifies JSON lines on `threads` threads — this one and `threads - 1` workers — writing the output
 * in input order (the same lines `verifyJsonLines` writes without an embedder). A file is cut into
 * byte ranges that the threads read themselves; a stream is read here and handed out in batches
 * of lines. Work goes to a worker with fewer than two batches in hand, else is done here, so this
 * thread works while the workers start. Memory stays bounded by the batches in flight.
 */
export async function verifyInParallel(
  input: VerifyInput,
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
    const pieces = renderBatch(result, nextLine);
    nextLine += result.lineCount;
    if (!writeAll(output, pieces)) await once(output, "drain");
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
  try {
    for await (const item of workOf(input, options.threads)) {
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
  if ("bytes" in item) return verifyBatch(item.bytes, 0, item.bytes.length, config, parseInputLine) as BatchOutput;
  const { bytes, from, to } = lineBytesInRange(item.file, item.start, item.end);
  return verifyBatch(bytes, from, to, config, parseInputLine) as BatchOutput;
}

/**
 * A worker thread. Bundled (see `cli/launch.mjs`), the worker's own bundle lies beside this one;
 * run from TypeScript, tsx's loader is registered in it before its module is imported.
 */
function startWorker(config: VerifierConfig): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./verify-worker.mjs", import.meta.url), { workerData: { config } });
  const entry = new URL("./verify-worker.ts", import.meta.url).href;
  const source = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(source, { eval: true, workerData: { config } });
}

/** The same output on this thread: batches verified one after another. */
export async function verifyInProcess(
  input: VerifyInput,
  output: Writable,
  config: VerifierConfig,
): Promise<{ lines: number; errors: number }> {
  let lines = 0;
  let errors = 0;
  let nextLine = 1;
  for await (const work of workOf(input, 1)) {
    const result = verifyHere(work, config);
    lines += result.lines;
    errors += result.errors;
    const pieces = renderBatch(result, nextLine);
    nextLine += result.lineCount;
    if (!writeAll(output, pieces)) await once(output, "drain");
  }
  return { lines, errors };
}

function workOf(input: VerifyInput, threads: number): AsyncIterable<Work> | Iterable<Work> {
  if (!("file" in input)) return byteBatches(input);
  const count = Math.ceil(input.size / RANGE_BYTES);
  return ranges(input.file, input.size, threads > 1 ? Math.max(threads * RANGES_PER_THREAD, count) : count);
}

/** Writes the pieces (empty ones left out); false when the stream asks to wait for "drain". */
function writeAll(output: Writable, pieces: readonly Uint8Array[]): boolean {
  let more = true;
  for (const piece of pieces) if (piece.length > 0) more = output.write(piece) && more;
  return more;
}

function* ranges(file: string, size: number, count: number): Generator<Work> {
  const step = Math.max(1, Math.ceil(size / count));
  for (let start = 0; start < size; start += step) yield { file, start, end: Math.min(size, start + step) };
}

/** The stream's bytes in batches of whole lines (a leading byte-order mark is dropped). */
async function* byteBatches(input: Readable): AsyncGenerator<Work> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let first = true;
  for await (const data of input as AsyncIterable<Buffer | string>) {
    let chunk = typeof data === "string" ? Buffer.from(data) : data;
    if (first && chunk.length > 0) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const newline = chunk.lastIndexOf(0x0a);
    if (heldBytes + chunk.length < BATCH_BYTES || newline < 0) {
      held.push(chunk);
      heldBytes += chunk.length;
      continue;
    }
    held.push(chunk.subarray(0, newline + 1));
    yield { bytes: Buffer.concat(held, heldBytes + newline + 1) };
    held = [chunk.subarray(newline + 1)];
    heldBytes = chunk.length - newline - 1;
  }
  if (heldBytes > 0) yield { bytes: Buffer.concat(held, heldBytes) };
}
