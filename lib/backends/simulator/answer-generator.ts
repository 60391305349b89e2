/**
 * The simulated video language model: a deterministic, step-by-step answer for a question about
 * a video, which states its targets correctly with a probability that grows with the adapter's
 * strength, and mixes in hallucinated details (more of them when rationalizing).
 */
import { divingAnswer, pickDivingTargets } from "./diving-rationale";
import { keywordsOf, sharesKeyword } from "./keywords";
import { rngFrom, uniformFrom, type Rng } from "@/lib/random/seeded-random";
import { conclusion, familyOf, hallucination, intro, observation, type Family } from "./scene-text";
import { stateTarget, type TargetStatement } from "./target-statements";
import type { GenerationMode, Target } from "./targets";
import { actionClasses } from "./vocabulary";
import { correctProbability, hallucinationProbability, maxHallucinatedSentences } from "./yield-model";

export interface AnswerInput {
  /** Server seed. */
  seed: number;
  /** Requested model name (base model or adapter). */
  model: string;
  /** 0 for the base model, n for the adapter trained in cycle n. */
  strength: number;
  videoId: string;
  /** All prompt text of the request (the question, and the label when rationalizing). */
  prompt: string;
  mode: GenerationMode;
  targets: readonly Target[];
  questionKind: string;
  /** Varies the draw between samples of the same question (request seed, choice index). */
  sample?: string;
}

type StatedTarget = Omit<TargetStatement, "sentences">;

export interface SimulatedAnswer {
  text: string;
  /** Every target was stated with its true value. */
  correct: boolean;
  correctProbability: number;
  statements: StatedTarget[];
  /** Sentences with invented details, verbatim as they appear in `text`. */
  hallucinations: string[];
  /** FineDiving answers only: the written arithmetic does not add up. */
  arithmeticSlip: boolean;
}

const MAX_SENTENCES = 6;

export function generateAnswer(input: AnswerInput): SimulatedAnswer {
  const sample = input.sample ?? "0";
  const p = correctProbability(input.strength, input.mode);
  // The question's difficulty does not depend on the model, so a stronger adapter keeps
  // what a weaker one got right: yield rises monotonically with strength.
  const correct = uniformFrom(input.seed, "difficulty", input.videoId, input.mode, input.prompt, sample) < p;
  const rng = rngFrom(input.seed, "text", input.model, input.videoId, input.mode, input.prompt, sample);
  const family = familyOf(input.questionKind);
  const rationalizing = input.mode === "rationalization";

  const body = statementsFor(input.targets, correct, family, rationalizing, rng);
  const avoid = correct ? [] : labelKeywords(input.targets);
  const opening = body.hasOwnIntro ? [] : [drawAvoiding(() => intro(family, rng), avoid)];
  // Opening, statements, one observation and the conclusion come first; invented details
  // fill the room left under six sentences (at least one when the model hallucinates).
  const fixed = opening.length + body.sentences.length + (family === "diving" ? 0 : 1) + 1;
  const hallucinations = drawHallucinations(family, input.strength, input.mode, avoid, rng).slice(0, Math.max(1, MAX_SENTENCES - fixed));
  const observations = observationsFor(family, rationalizing, fixed - 1 + hallucinations.length, rng).filter(
    (s) => !sharesKeyword(s, avoid),
  );
  const middle = interleave([...observations, ...body.sentences], hallucinations, rng);
  const sentences = [...opening, ...middle, conclusion(rationalizing, rng)];

  return {
    text: sentences.join(" "),
    correct: body.statements.every((s) => s.correct),
    correctProbability: p,
    statements: body.statements,
    hallucinations,
    arithmeticSlip: body.arithmeticSlip,
  };
}

interface Body {
  sentences: string[];
  statements: StatedTarget[];
  hasOwnIntro: boolean;
  arithmeticSlip: boolean;
}

function statementsFor(targets: readonly Target[], correct: boolean, family: Family, rationalizing: boolean, rng: Rng): Body {
  const diving = family === "diving" ? pickDivingTargets(targets) : {};
  const divingTargets: Target[] = [diving.score, diving.difficulty, diving.subActions].filter(
    (t): t is NonNullable<typeof t> => t !== undefined,
  );
  const others = targets.filter((t) => !divingTargets.includes(t));
  const othersCorrect = wrongPattern(others.length, correct, divingTargets.length > 0, rng);

  const sentences: string[] = [];
  const statements: StatedTarget[] = [];
  let arithmeticSlip = false;
  if (family === "diving") {
    const dive = divingAnswer({ targets: divingTargets, correct, rationalizing, rng });
    sentences.push(...dive.sentences);
    statements.push(...dive.statements);
    arithmeticSlip = dive.arithmeticSlip;
  }
  others.forEach((target, i) => {
    const { sentences: said, ...stated } = stateTarget(target, othersCorrect[i] ?? correct, rng);
    sentences.push(...said);
    statements.push(stated);
  });
  return { sentences, statements, hasOwnIntro: family === "diving", arithmeticSlip };
}

/**
 * Which of `count` targets are stated correctly. A correct answer gets all of them; a wrong
 * one misses at least one (unless another part of the answer is already wrong).
 */
function wrongPattern(count: number, correct: boolean, somethingElseWrong: boolean, rng: Rng): boolean[] {
  if (correct || count === 0) return Array.from({ length: count }, () => true);
  const pattern = Array.from({ length: count }, () => rng.chance(0.5));
  if (!somethingElseWrong && pattern.every(Boolean)) pattern[rng.int(0, count - 1)] = false;
  return pattern;
}

/** One observation, and a second one now and then when there is room under six sentences. */
function observationsFor(family: Family, rationalizing: boolean, otherSentences: number, rng: Rng): string[] {
  if (family === "diving") return [];
  const first = observation(family, rng);
  if (rationalizing || otherSentences + 2 > MAX_SENTENCES || !rng.chance(0.4)) return [first];
  const second = observation(family, rng);
  return second === first ? [first] : [first, second];
}

function labelKeywords(targets: readonly Target[]): string[] {
  return targets.flatMap((t) => (t.labelType === "class" || t.labelType === "caption" ? keywordsOf(t.label) : []));
}

function drawHallucinations(family: Family, strength: number, mode: GenerationMode, avoid: readonly string[], rng: Rng): string[] {
  if (!rng.chance(hallucinationProbability(strength, mode))) return [];
  const wanted = rng.int(1, maxHallucinatedSentences(mode));
  const chosen: string[] = [];
  for (let attempt = 0; attempt < wanted * 4 && chosen.length < wanted; attempt++) {
    const sentence = hallucination(family, rng);
    if (!chosen.includes(sentence) && !sharesKeyword(sentence, avoid)) chosen.push(sentence);
  }
  return chosen;
}

/** A draw that mentions none of the label's words (a few tries, then the last draw). */
function drawAvoiding(draw: () => string, avoid: readonly string[]): string {
  let sentence = draw();
  for (let attempt = 0; attempt < 5 && sharesKeyword(sentence, avoid); attempt++) sentence = draw();
  return sentence;
}

/** Insert `extra` sentences at random places among `base`, keeping both orders. */
function interleave(base: readonly string[], extra: readonly string[], rng: Rng): string[] {
  const out = [...base];
  for (const sentence of extra) out.splice(rng.int(Math.min(1, out.length), out.length), 0, sentence);
  return out;
}

export interface DescriptionInput {
  seed: number;
  model: string;
  prompt: string;
  /** Video URL(s) or frame count, whatever identifies the clip in the request. */
  videoRef: string;
}

/** A generic, deterministic description for requests without `x_simulation`. */
export function describeVideo(input: DescriptionInput): SimulatedAnswer {
  const rng = rngFrom(input.seed, "describe", input.model, input.videoRef, input.prompt);
  const activity = rng.pick(actionClasses);
  const hallucinations = drawHallucinations("general", 0, "answer", [], rng);
  const sentences = [
    intro("general", rng),
    observation("general", rng),
    ...hallucinations,
    `Judging from the movement and the objects involved, the person appears to be ${activity}.`,
    conclusion(false, rng),
  ];
  return {
    text: sentences.join(" "),
    correct: true,
    correctProbability: 1,
    statements: [],
    hallucinations,
    arithmeticSlip: false,
  };
}
