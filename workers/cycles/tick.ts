import { jobSender, tickCycle } from "@/lib/cycles";
import type { PayloadOf } from "@/lib/jobs/queues";

/** cycle-tick: dispatches a cycle's batches and moves its state machine on (lib/cycles/engine). */
export async function handleCycleTick(payload: PayloadOf<"cycleTick">) {
  return tickCycle(payload.cycleId, await jobSender());
}
