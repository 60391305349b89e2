import { jobSender, nudgeCycle, runStageBatch } from "@/lib/cycles";
import type { HandlerContext } from "../registration";

/** A stage batch job (generate, verify, rationalize, curate, train, evaluate): thin over lib/cycles. */
export async function handleStageBatch(payload: { batchId: number }, context: HandlerContext) {
  const report = await runStageBatch(payload.batchId, { workerId: context.workerId, jobId: context.jobId }, context.signal);
  // Tell the cycle at once rather than at its next tick, so stages follow each other promptly.
  if (report.cycleId !== null) await nudgeCycle(report.cycleId, await jobSender());
  return report;
}
