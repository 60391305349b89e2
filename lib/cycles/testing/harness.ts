import { spawnScript, type SpawnedScript } from "@/lib/testing/processes";
import { runStatus, type RunStatus } from "../status";

/** A real worker process (`npm run worker`) on the test database. */
export function startWorkerProcess(env: Record<string, string> = {}): SpawnedScript {
  return spawnScript("workers/main.ts", { WORKER_GRACE_MS: "1000", ...env });
}

export async function stopWorkerProcess(worker: SpawnedScript | undefined): Promise<void> {
  if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill("SIGKILL");
  await worker.exited;
}

/** Polls a run until it is no longer ACTIVE (or the time is up, with its last status in the error). */
export async function waitForRunEnd(runId: number, timeoutMs: number, describe: () => string = () => ""): Promise<RunStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: RunStatus | null = null;
  while (Date.now() < deadline) {
    last = await runStatus(runId);
    if (last && last.status !== "ACTIVE") return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `run ${runId} still ACTIVE after ${timeoutMs} ms: ${JSON.stringify(last?.cycles.map((c) => ({ index: c.index, status: c.status, stages: c.stages.filter((s) => s.batches > 0), errors: c.itemErrors })))}\n${describe()}`,
  );
}
