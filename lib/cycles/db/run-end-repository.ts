import type { Db } from "@/lib/db/transaction";
import { isRecord } from "./json";

/** Ends a run that is still active; false when it was ended already (a retried tick ends it once). */
export async function endActiveRun(runId: number, status: "DONE" | "FAILED" | "CANCELLED", db: Db): Promise<boolean> {
  const { count } = await db.run.updateMany({
    where: { id: runId, status: "ACTIVE" },
    data: { status, finishedAt: new Date(), updatedAt: new Date() },
  });
  return count === 1;
}

function givenUpOf(metrics: unknown): number {
  const byStage = isRecord(metrics) && isRecord(metrics.givenUpItems) ? metrics.givenUpItems : {};
  return Object.values(byStage).reduce<number>((sum, n) => sum + (typeof n === "number" ? n : 0), 0);
}

/** Who launched the run (and their webhook), whether its backends are the simulator, and the items its cycles gave up. */
export async function runEndFacts(runId: number, backendIds: readonly number[], db: Db) {
  const run = await db.run.findUniqueOrThrow({
    where: { id: runId },
    select: {
      createdBy: { select: { id: true, webhookUrl: true, active: true } },
      cycles: { where: { status: "DONE_WITH_ERRORS" }, select: { metrics: true } },
    },
  });
  const simulators = await db.backend.count({ where: { id: { in: [...backendIds] }, isSimulator: true } });
  return {
    launcher: run.createdBy,
    simulated: simulators > 0,
    cyclesWithErrors: run.cycles.length,
    givenUpItems: run.cycles.reduce((sum, cycle) => sum + givenUpOf(cycle.metrics), 0),
  };
}
