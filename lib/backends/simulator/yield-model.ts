import type { GenerationMode } from "./targets";

/**
 * How good the simulated model is. Strength 0 is the pre-trained base model; a LoRA adapter
 * trained in cycle n has strength n. Yield rises and saturates across cycles, as in the paper.
 */
const answerCorrectByStrength = [0.35, 0.55, 0.68, 0.75] as const;
const answerCorrectCeiling = 0.78;
const rationalizationCorrect = 0.85;

/** Probability that an answer states every target correctly. */
export function correctProbability(strength: number, mode: GenerationMode): number {
  const s = Math.max(0, Math.floor(strength));
  if (mode === "rationalization") return Math.min(0.92, rationalizationCorrect + 0.02 * Math.min(s, 3));
  const known = answerCorrectByStrength[s];
  if (known !== undefined) return known;
  // Past cycle 3 the gains flatten out towards the ceiling.
  const last = answerCorrectByStrength[answerCorrectByStrength.length - 1] as number;
  return Math.min(answerCorrectCeiling, last + 0.01 * (s - (answerCorrectByStrength.length - 1)));
}

/**
 * Probability that an answer contains invented details (paper figure 13): rationalizations
 * hallucinate far more, and training lowers the rate a little.
 */
export function hallucinationProbability(strength: number, mode: GenerationMode): number {
  const s = Math.min(Math.max(0, Math.floor(strength)), 4);
  return mode === "rationalization" ? 0.6 - 0.03 * s : 0.3 - 0.025 * s;
}

/** How many hallucinated sentences an answer that hallucinates carries. */
export function maxHallucinatedSentences(mode: GenerationMode): number {
  return mode === "rationalization" ? 3 : 2;
}
