import { once } from "node:events";
import type { Readable, Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import type { BatchOutput } from "@/lib/verifier/cli/verify-batch";
import type { BatchRequest } from "@/lib/verifier/cli/verify-worker";
import type { VerifierConfig } from "@/lib/verifier/config";

const LINES_PER_BATCH = 500;

/**
 * Verifies JSON lines on `threads` worker threads, in batches, writing the output in input order
 * (the same lines `verifyJsonLines` writes without an embedder). Memory stays bounded: at most two
 * batches per thread are in flight.
 */
export async function verifyInParallel(
  input: Readable,
  output: Writable,
  options: { config: VerifierConfig; threads: number },
): Promise<{ lines: number; errors: number }> {
  const workers = Array.from({ length: options.threads }, () => startWorker(options.config));
  const pending = new Map<number, (result: BatchOutput) => void>();
  for (const worker of workers) {
    worker.on("message", (result: BatchOutput & { batch: number }) => pending.get(result.batch)?.(result));
  }
  const failure = new Promise<never>((_, reject) => {
    for (const worker of workers) worker.once("error", reject);
  });
  const inFlight: Promise<BatchOutput>[] = [];
  let lines = 0;
  let errors = 0;
  let batch = 0;
  const drain = async () => {
    const result = await Promise.race([inFlight.shift() as Promise<BatchOutput>, failure]);
    lines += result.lines;
    errors += result.errors;
    if (!output.write(result.text)) await once(output, "drain");
  };
  try {
    for await (const request of batches(input)) {
      const worker = workers[batch % workers.length] as Worker;
      const id = batch++;
      inFlight.push(
        new Promise<BatchOutput>((resolve) => {
          pending.set(id, (result) => {
            pending.delete(id);
            resolve(result);
          });
        }),
      );
      worker.postMessage({ ...request, batch: id } satisfies BatchRequest);
      if (inFlight.length >= workers.length * 2) await drain();
    }
    while (inFlight.length > 0) await drain();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { lines, errors };
}

/** The worker runs TypeScript: tsx's loader is registered in it before its module is imported. */
function startWorker(config: VerifierConfig): Worker {
  const entry = new URL("./verify-worker.ts", import.meta.url).href;
  const source = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(source, { eval: true, workerData: { config } });
}

/** The input's lines in batches, numbered from 1 (a leading byte-order mark is dropped). */
async function* batches(input: Readable): AsyncGenerator<Omit<BatchRequest, "batch">> {
  input.setEncoding("utf8");
  let rest = "";
  let lineNumber = 1;
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
        yield { firstLine: lineNumber, lines };
        lineNumber += lines.length;
        lines = [];
      }
    }
    rest = text.slice(from);
  }
  if (rest !== "") lines.push(rest);
  if (lines.length > 0) yield { firstLine: lineNumber, lines };
}
