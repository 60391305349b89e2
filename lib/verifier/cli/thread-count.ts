import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";

/**
 * Threads worth starting: one per core that is idle, at least one. Busy cores are counted from
 * the one-minute load average and, where Linux tells it (/proc/loadavg), the number of tasks
 * running right now (less this process), whichever is lower: a load average still high from a
 * job that has just ended does not count. On a busy machine more threads add work (starting,
 * handing out batches, each thread warming its own caches) and, where the kernel shares time
 * out by session (autogroup), no time: one thread finishes first.
 */
export function threadsForIdleCores(cores: number, loadAverage: number, runningNow: number | undefined): number {
  const busy = runningNow === undefined ? loadAverage : Math.min(loadAverage, Math.max(0, runningNow - 1));
  return Math.max(1, Math.min(cores, Math.round(cores - busy)));
}

/** `threadsForIdleCores` for this machine now. */
export function idleCoreThreads(): number {
  return threadsForIdleCores(availableParallelism(), loadavg()[0] ?? 0, runningTasks());
}

/** Tasks running now, from the fourth field of /proc/loadavg ("running/total"); undefined elsewhere. */
function runningTasks(): number | undefined {
  try {
    const running = Number(readFileSync("/proc/loadavg", "latin1").split(" ")[3]?.split("/")[0]);
    return Number.isInteger(running) && running > 0 ? running : undefined;
  } catch {
    return undefined;
  }
}
