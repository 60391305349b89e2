/** Worker thread of the verify CLI: verifies batches of lines with the configuration it was started with. */
import { parentPort, workerData } from "node:worker_threads";
import { verifyBatch } from "@/lib/verifier/cli/verify-batch";
import type { VerifierConfig } from "@/lib/verifier/config";

export interface BatchRequest {
  readonly batch: number;
  readonly firstLine: number;
  readonly lines: readonly string[];
}

const config = (workerData as { config: VerifierConfig }).config;
parentPort?.on("message", (request: BatchRequest) => {
  parentPort?.postMessage({ batch: request.batch, ...verifyBatch(request.lines, request.firstLine, config) });
});
