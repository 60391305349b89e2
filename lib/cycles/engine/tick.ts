import { cycleStatusAndConfig } from "../db/cycle-repository";
import { parseCyclePlan } from "../plan";
import { isTerminal } from "../state-machine";
import { advanceCycle, type AdvanceResult } from "./advance";
import type { JobSender } from "./job-sender";

/**
 * The cycle-tick job: first makes sure the next tick is queued (so a worker killed mid-step
 * leaves the cycle looked after), then advances the cycle. A finished cycle gets no more ticks.
 */
export async function tickCycle(cycleId: number, jobs: JobSender): Promise<AdvanceResult> {
  const cycle = await cycleStatusAndConfig(cycleId);
  if (!cycle || isTerminal(cycle.status)) return { status: cycle?.status ?? "FAILED", finished: true };
  const { tickSeconds } = parseCyclePlan(cycle.config).config.execution;
  await jobs.sendTick(cycleId, { delaySeconds: tickSeconds, slotSeconds: tickSeconds });
  return advanceCycle(cycleId, jobs);
}

/** Asks for a tick now (a batch finished, someone is watching): debounced with the cycle's own ticks. */
export async function nudgeCycle(cycleId: number, jobs: JobSender): Promise<void> {
  const cycle = await cycleStatusAndConfig(cycleId);
  if (!cycle || isTerminal(cycle.status)) return;
  const { tickSeconds } = parseCyclePlan(cycle.config).config.execution;
  await jobs.sendTick(cycleId, { delaySeconds: 0, slotSeconds: tickSeconds });
}
