import { HALLUCINATION_VERDICTS } from "../constants";
import type { Judgement, ReviewUnit } from "./units";

/**
 * Whether the raters say the answer hallucinates: "hallucinated" and "partly correct" count as
 * hallucinating, "correct" as not, "unsure" abstains. With several raters the majority decides;
 * a tie counts as hallucinating (an answer one of two people flagged should not pass as clean).
 * Undefined when nobody gave a definite verdict.
 */
export function consensusHallucinated(judgements: readonly Judgement[]): boolean | undefined {
  let votes = 0;
  let hallucinated = 0;
  for (const { verdict } of judgements) {
    if (verdict === null || verdict === "UNSURE") continue;
    votes += 1;
    if (HALLUCINATION_VERDICTS.includes(verdict)) hallucinated += 1;
  }
  if (votes === 0) return undefined;
  return hallucinated * 2 >= votes;
}

/** Whether the raters say the label is really in the answer: majority of yes/no; a tie decides nothing. */
export function consensusLabelPresent(judgements: readonly Judgement[]): boolean | undefined {
  let votes = 0;
  let present = 0;
  for (const { labelPresent } of judgements) {
    if (labelPresent === null) continue;
    votes += 1;
    if (labelPresent) present += 1;
  }
  if (votes === 0 || present * 2 === votes) return undefined;
  return present * 2 > votes;
}

/**
 * The judgements a unit's hallucination consensus is taken from: its adjudicated verdict alone when
 * one was recorded (the final word where raters disagreed), else the raters' own. Agreement (κ, α)
 * and label presence always use the raters' own judgements.
 */
export function hallucinationJudgements(unit: Pick<ReviewUnit, "judgements" | "adjudicatedVerdict">): readonly Judgement[] {
  if (!unit.adjudicatedVerdict) return unit.judgements;
  return [{ raterId: "adjudication", verdict: unit.adjudicatedVerdict, labelPresent: null }];
}
