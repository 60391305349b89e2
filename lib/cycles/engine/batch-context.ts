import { heartbeatBatch, type ClaimedBatch } from "../db/batch-repository";

/**
 * A claimed batch at work: renews its lease as it reports progress and stops the work (aborts)
 * when the cycle is cancelled, the worker stops, or another worker took the batch over.
 */
export class BatchRun {
  private readonly controller = new AbortController();
  private readonly onWorkerStop = () => this.stop("the worker is stopping");
  stopReason: string | null = null;

  constructor(
    readonly batch: ClaimedBatch,
    private readonly workerSignal: AbortSignal,
  ) {
    if (workerSignal.aborted) this.stop("the worker is stopping");
    else workerSignal.addEventListener("abort", this.onWorkerStop, { once: true });
  }

  /**
   * The batch is over: stop listening to the worker's signal, which lives as long as the worker
   * (left there, one listener per batch piles up: MaxListenersExceededWarning, and a leak).
   */
  release(): void {
    this.workerSignal.removeEventListener("abort", this.onWorkerStop);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  stop(reason: string): void {
    if (this.stopped) return;
    this.stopReason = reason;
    this.controller.abort(new Error(reason));
  }

  /** Records progress; returns false (and stops) when the work should not go on. */
  async report(doneCount: number): Promise<boolean> {
    if (this.stopped) return false;
    const state = await heartbeatBatch(this.batch, doneCount);
    if (state === "lost") this.stop("another worker took the batch over");
    else if (state === "cycle-stopped") this.stop("the cycle was cancelled");
    return !this.stopped;
  }
}
