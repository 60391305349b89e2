/**
 * FineDiving action-quality answers (paper appendix B): sub-actions, degree of difficulty, the
 * seven judges' marks, the drop-two-highest-and-lowest rule and the final arithmetic — which,
 * like the real model, sometimes slips or leaves the score out altogether.
 */
import { formatNumber } from "./formatting";
import type { Rng } from "@/lib/random/seeded-random";
import { intro } from "./scene-text";
import { namedValue, type TargetStatement } from "./target-statements";
import type { Target, TargetOf } from "./targets";
import { divingSubActions } from "./vocabulary";
import { wrongFloat } from "./wrong-values";

export interface DivingAnswer {
  sentences: string[];
  statements: TargetStatement[];
  /** The arithmetic as written does not add up (a slip the AQA checker should catch). */
  arithmeticSlip: boolean;
}

interface DivingTargets {
  score?: TargetOf<"float">;
  difficulty?: TargetOf<"float">;
  subActions?: TargetOf<"sequence">;
}

const difficultyName = /difficulty|^dd$/i;

export function pickDivingTargets(targets: readonly Target[]): DivingTargets {
  const floats = targets.filter((t): t is TargetOf<"float"> => t.labelType === "float");
  return {
    difficulty: floats.find((t) => difficultyName.test(t.label.name)),
    score: floats.find((t) => !difficultyName.test(t.label.name)),
    subActions: targets.find((t): t is TargetOf<"sequence"> => t.labelType === "sequence"),
  };
}

/** Middle three judges' marks (half-point steps) whose sum times the difficulty is closest to the score. */
interface ScoreDecomposition {
  difficulty: number;
  keptHalfPoints: [number, number, number];
}

/** Split a dive score into difficulty × (sum of three marks); exact for real records when possible. */
function decomposeScore(score: number, knownDifficulty?: number): ScoreDecomposition {
  const candidates = knownDifficulty !== undefined ? [knownDifficulty] : difficultyGrid();
  let best: { dd: number; units: number; err: number } | undefined;
  for (const dd of candidates) {
    const units = Math.round((score / dd) * 2);
    if (knownDifficulty === undefined && (units > 60 || units < 6)) continue;
    const err = Math.abs((units / 2) * dd - score) + Math.abs(dd - 3.0) * 1e-3;
    if (!best || err < best.err) best = { dd, units, err };
  }
  const dd = best?.dd ?? 3.0;
  const units = Math.min(60, Math.max(0, best?.units ?? Math.round((score / dd) * 2)));
  return { difficulty: dd, keptHalfPoints: splitIntoThree(units) };
}

function difficultyGrid(): number[] {
  const grid: number[] = [];
  for (let tenths = 16; tenths <= 41; tenths++) grid.push(tenths / 10);
  return grid;
}

function splitIntoThree(units: number): [number, number, number] {
  const per = Math.floor(units / 3);
  const rest = units - 3 * per;
  return [per, per + (rest >= 2 ? 1 : 0), per + (rest >= 1 ? 1 : 0)];
}

/** Seven marks in panel order: the kept three plus two at or below and two at or above them. */
function panelMarks(kept: [number, number, number], rng: Rng): number[] {
  const sorted = [...kept].sort((a, b) => a - b);
  const low = sorted[0] as number;
  const high = sorted[2] as number;
  const lows = [0, 0].map(() => Math.max(0, low - rng.int(0, 1)));
  const highs = [0, 0].map(() => Math.min(20, high + rng.int(0, 1)));
  return rng.shuffle([...sorted, ...lows, ...highs]).map((units) => units / 2);
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function mark(value: number): string {
  return value.toFixed(1);
}

function defaultSubActions(rng: Rng): string[] {
  const parts: string[] = [rng.pick(divingSubActions.takeoff), rng.pick(divingSubActions.rotation)];
  if (rng.chance(0.3)) parts.push(rng.pick(divingSubActions.twist));
  return [...parts, "Entry"];
}

function wrongSubActions(actions: readonly string[], rng: Rng): string[] {
  const rotations: readonly string[] = divingSubActions.rotation;
  const at = actions.findIndex((a) => rotations.includes(a));
  if (at >= 0) {
    const replacement = rng.pick(rotations.filter((r) => r !== actions[at]));
    return actions.map((a, i) => (i === at ? replacement : a));
  }
  return actions.length >= 2 ? [...actions].reverse() : [rng.pick(divingSubActions.takeoff), ...actions];
}

function wrongDifficulty(dd: number, rng: Rng): number {
  const shift = rng.between(0.4, 0.9) * (rng.chance(0.5) ? 1 : -1);
  const value = dd + shift < 1.2 || dd + shift > 4.1 ? dd - shift : dd + shift;
  return Math.round(Math.min(4.1, Math.max(1.2, value)) * 10) / 10;
}

function subActionSentences(actions: readonly string[], listed: boolean): string[] {
  if (!listed) return [`Broken into its parts, the dive is ${actions.join(" → ")}.`];
  return actions.map((a, i) =>
    i === 0 ? `The dive begins with ${a}.` : i === actions.length - 1 ? `It finishes with ${a}.` : `It continues with ${a}.`,
  );
}

export interface DivingInput {
  targets: readonly Target[];
  correct: boolean;
  rationalizing: boolean;
  rng: Rng;
}

export function divingAnswer({ targets, correct, rationalizing, rng }: DivingInput): DivingAnswer {
  const { score, difficulty, subActions } = pickDivingTargets(targets);
  // A wrong answer always misses the score (when there is one); the other parts may survive.
  const scoreOk = correct;
  const difficultyOk = correct || (score !== undefined && rng.chance(0.5));
  const subActionsOk = correct || ((score !== undefined || difficulty !== undefined) && rng.chance(0.5));

  const trueActions = subActions?.label.actions ?? defaultSubActions(rng);
  const actions = subActionsOk ? [...trueActions] : wrongSubActions(trueActions, rng);

  const trueScore = score?.label.value;
  const omitScore = !scoreOk && score !== undefined && rng.chance(0.25);
  const intendedScore = trueScore === undefined ? undefined : scoreOk ? trueScore : wrongFloat(trueScore, rng);

  const givenDifficulty = difficulty?.label.value;
  const decomposition = decomposeScore(
    intendedScore ?? (givenDifficulty ?? 3.0) * 25.5,
    difficultyOk ? givenDifficulty : givenDifficulty !== undefined ? wrongDifficulty(givenDifficulty, rng) : undefined,
  );
  const dd = decomposition.difficulty;
  const kept = decomposition.keptHalfPoints;
  const keptSum = (kept[0] + kept[1] + kept[2]) / 2;
  const product = Number((keptSum * dd).toFixed(2));

  // The final figure: the target when right; when wrong, the consistent product if it is
  // really wrong, else the intended wrong value.
  let finalScore = intendedScore;
  if (intendedScore !== undefined && !scoreOk && trueScore !== undefined) {
    const farEnough = Math.abs(product - trueScore) >= Math.max(1.5, 0.15 * Math.abs(trueScore));
    finalScore = farEnough ? product : intendedScore;
  }
  const arithmeticMatches = finalScore !== undefined && Math.abs(product - finalScore) < 0.011;
  let slip = rng.chance(0.15);
  const statedSum = slip ? keptSum + (rng.chance(0.5) ? 0.5 : -0.5) * rng.int(1, 2) : keptSum;
  if (!arithmeticMatches && finalScore !== undefined) slip = true;

  const judges = panelMarks(kept, rng);
  const keptMarks = [...kept].sort((a, b) => a - b).map((u) => mark(u / 2));
  const ddText = dd.toFixed(1);
  const ddPhrase = difficulty ? namedValue(difficulty.label.name, dd, 1) : `a degree of difficulty of ${ddText}`;

  const sentences: string[] = [];
  if (rationalizing && scoreOk && finalScore !== undefined && score) {
    sentences.push(`The given result is ${namedValue(score.label.name, finalScore)}, and it can be traced back to how the dive is judged.`);
  }
  sentences.push(intro("diving", rng));
  sentences.push(...subActionSentences(actions, subActions !== undefined));
  sentences.push(`Given the rotations and the entry, the dive carries ${ddPhrase}.`);
  if (omitScore) {
    sentences.push(
      "To score it, one would take the seven judges' marks, drop the two highest and the two lowest, add the remaining three and multiply by the difficulty; the entry looked clean, so the result should be fairly high.",
    );
  } else {
    sentences.push(`The seven judges' marks are ${listed(judges.map(mark))}.`);
    sentences.push(`Dropping the two highest and the two lowest leaves ${listed(keptMarks)}, which sum to ${statedSum.toFixed(1)}.`);
    if (finalScore !== undefined && score) {
      sentences.push(
        arithmeticMatches
          ? `Multiplying this execution total by the difficulty of ${ddText} gives ${namedValue(score.label.name, finalScore)}.`
          : `Multiplying this execution total by the difficulty of ${ddText} gives about ${formatNumber(product)}, so I would award ${namedValue(score.label.name, finalScore)}.`,
      );
    } else {
      sentences.push(`Multiplied by the difficulty of ${ddText}, that is ${formatNumber(product)} points.`);
    }
  }

  const statements: TargetStatement[] = [];
  if (score) {
    statements.push({
      labelType: "float",
      correct: scoreOk,
      stated: omitScore || finalScore === undefined ? "no score" : namedValue(score.label.name, finalScore),
      sentences: [],
    });
  }
  if (difficulty) {
    statements.push({ labelType: "float", correct: difficultyOk, stated: ddPhrase, sentences: [] });
  }
  if (subActions) {
    statements.push({ labelType: "sequence", correct: subActionsOk, stated: actions.join(" -> "), sentences: [] });
  }
  return { sentences, statements, arithmeticSlip: slip && !omitScore };
}
