/** Worker thread of the verify CLI: verifies batches of lines, or byte ranges of a file, with one configuration. */
import { parentPort, workerData } from "node:worker_threads";
import { linesInRange } from "@/lib/verifier/cli/file-range";
import { type LineParser, verifyBatch } from "@/lib/verifier/cli/verify-batch";
import type { VerifierConfig } from "@/lib/verifier/config";

export type BatchRequest =
  | { readonly batch: number; readonly lines: readonly string[] }
  | { readonly batch: number; readonly file: string; readonly start: number; readonly end: number };

const config = (workerData as { config: VerifierConfig }).config;
/** Loaded on the first line that is not a plain text-label request (it brings the schema library). */
let parse: LineParser | undefined;

parentPort?.on("message", async (request: BatchRequest) => {
  const lines = "lines" in request ? request.lines : linesInRange(request.file, request.start, request.end);
  let output = verifyBatch(lines, config, parse);
  if (output === undefined) {
    parse = (await import("@/lib/verifier/cli/input-line")).parseInputLine;
    output = verifyBatch(lines, config, parse);
  }
  parentPort?.postMessage({ batch: request.batch, ...output });
});
