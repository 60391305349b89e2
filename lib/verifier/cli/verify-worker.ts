/** Worker thread of the verify CLI: verifies batches of lines, or byte ranges of a file, with one configuration. */
import { parentPort, workerData } from "node:worker_threads";
import { lineBytesInRange } from "@/lib/verifier/cli/file-range";
import { type BatchOutput, type LineParser, verifyBatch } from "@/lib/verifier/cli/verify-batch";
import type { VerifierConfig } from "@/lib/verifier/config";

export type BatchRequest =
  | { readonly batch: number; readonly bytes: Uint8Array }
  | { readonly batch: number; readonly file: string; readonly start: number; readonly end: number };

const config = (workerData as { config: VerifierConfig }).config;
/** Loaded on the first line that is not a plain text-label request (it brings the schema library). */
let parse: LineParser | undefined;

parentPort?.on("message", async (request: BatchRequest) => {
  const { bytes, from, to } =
    "bytes" in request
      ? { bytes: request.bytes, from: 0, to: request.bytes.length }
      : lineBytesInRange(request.file, request.start, request.end);
  let output = verifyBatch(bytes, from, to, config, parse);
  if (output === undefined) {
    parse = (await import("@/lib/verifier/cli/input-line")).parseInputLine;
    output = verifyBatch(bytes, from, to, config, parse) as BatchOutput;
  }
  // The output's bytes move to the main thread without a copy.
  const buffers = new Set<ArrayBuffer>();
  for (const piece of output.pieces) if (piece instanceof Uint8Array) buffers.add(piece.buffer as ArrayBuffer);
  parentPort?.postMessage({ batch: request.batch, ...output }, [...buffers]);
});
