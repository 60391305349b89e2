/**
 * The stop rule: a run ends after `maxCycles`, or as soon as a cycle's answer yield grew less than
 * `minYieldGain` over the previous cycle's. The cycle where the rule fires is the final one: it
 * trains on direct answers only (no rationalizations), so the run's last model is the paper's M*.
 */
export interface StopRule {
  maxCycles: number;
  minYieldGain: number;
}

export interface StopDecision {
  isFinal: boolean;
  reason: string;
}

export function decideFinal(
  rule: StopRule,
  cycle: { index: number; answerYield: number; previousAnswerYield: number | null },
): StopDecision {
  if (cycle.index >= rule.maxCycles) return { isFinal: true, reason: `cycle ${cycle.index} of at most ${rule.maxCycles}` };
  if (cycle.previousAnswerYield !== null) {
    const gain = cycle.answerYield - cycle.previousAnswerYield;
    if (gain < rule.minYieldGain) {
      return {
        isFinal: true,
        reason: `answer yield grew ${formatShare(gain)}, less than the minimum gain ${formatShare(rule.minYieldGain)}`,
      };
    }
    return { isFinal: false, reason: `answer yield grew ${formatShare(gain)}` };
  }
  return { isFinal: false, reason: `cycle ${cycle.index} of at most ${rule.maxCycles}` };
}

function formatShare(value: number): string {
  return `${(value * 100).toFixed(1)} points`;
}
