/**
 * The deterministic job id of a cycle's training run. Resubmitting the same cycle (a retried
 * worker job) yields the same id; `attempt` distinguishes a deliberate re-run after a failure.
 */
export function trainingSubmissionId(cycleId: string, cycleIndex: number, attempt = 0): string {
  const safeCycle =
    cycleId
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "cycle";
  const base = `vstar-${safeCycle}-c${cycleIndex}`;
  return attempt > 0 ? `${base}-r${attempt}` : base;
}
