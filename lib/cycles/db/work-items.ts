import type { Selection } from "../plan";
import { needsClipDuration } from "../clip-duration";
import type { Stage } from "../state-machine";
import type { GenerationMode } from "./generation-store";
import { db, type Queryable } from "./queryable";
import {
  generationKeysInRange,
  generationTexts,
  itemKey,
  openErrorsInRange,
  questionsById,
  questionsWithPassingAnswer,
  selectedQuestionRowsInRange,
  selectedQuestionsInRange,
  verdictGenerationIds,
  videoDurations,
  type GenerationKey,
} from "./range-rows";
import { selectionCondition, selectionParams } from "./selection-repository";

export interface GenerationItem {
  questionId: number;
  sampleIndex: number;
  question: string;
  kind: string;
  targets: unknown;
  videoId: number;
  /** The video's probed length, when a target's label lacks the clip's length (the released rules need it). */
  clipDurationSec?: number;
  /** Attempts already failed (an unresolved ItemError), 0 when none. */
  failedAttempts: number;
  /** It has an unresolved ItemError (perhaps of no attempt: refused by an open circuit). */
  hasOpenError: boolean;
}

export interface GenerationWork {
  cycleId: number;
  stage: Stage;
  mode: GenerationMode;
  selection: Selection;
  range: [number, number];
  samples: number;
  maxItemAttempts: number;
  /** RATIONALIZE: only questions without a passing direct answer under this verifier version. */
  onlyWithoutPassingAnswer?: string;
}

/** The items of a batch still without their Generation and not given up: what a run must do. */
export async function pendingGenerationItems(work: GenerationWork, queryable: Queryable = db()): Promise<GenerationItem[]> {
  const [questions, written, errors, passing] = await Promise.all([
    selectedQuestionRowsInRange(work.selection, work.range, queryable),
    generationKeysInRange(work.cycleId, work.mode, work.range, queryable),
    openErrorsInRange(work.cycleId, work.stage, work.mode, work.range, queryable),
    passingFilter(work, queryable),
  ]);
  const done = new Set(written.map((row) => itemKey(row.questionId, row.sampleIndex)));
  const items: GenerationItem[] = [];
  for (const question of questions) {
    if (passing?.has(question.questionId)) continue;
    for (let sampleIndex = 0; sampleIndex < work.samples; sampleIndex++) {
      const key = itemKey(question.questionId, sampleIndex);
      const failedAttempts = errors.get(key) ?? 0;
      if (done.has(key) || failedAttempts >= work.maxItemAttempts) continue;
      items.push({ ...question, sampleIndex, failedAttempts, hasOpenError: errors.has(key) });
    }
  }
  return withClipDurations(items, queryable);
}

/** Adds the probed length of their video to the items whose targets need it (one query for the batch). */
async function withClipDurations<T extends { targets: unknown; videoId: number; clipDurationSec?: number }>(
  items: T[],
  queryable: Queryable,
): Promise<T[]> {
  const needing = items.filter((item) => needsClipDuration(item.targets));
  if (needing.length === 0) return items;
  const durations = await videoDurations([...new Set(needing.map((item) => item.videoId))], queryable);
  for (const item of needing) {
    const duration = durations.get(item.videoId);
    if (duration !== undefined) item.clipDurationSec = duration;
  }
  return items;
}

export interface VerificationItem {
  generationId: number;
  questionId: number;
  sampleIndex: number;
  text: string;
  targets: unknown;
  question: string;
  kind: string;
  videoId: number;
  clipDurationSec?: number;
  /** Attempts already failed (an unresolved ItemError of this stage), 0 when none. */
  failedAttempts: number;
}

export interface VerificationWork {
  cycleId: number;
  stage: Stage;
  mode: GenerationMode;
  range: [number, number];
  verifierVersion: string;
  maxItemAttempts: number;
}

/** A batch's generations of `mode` without a verdict of this verifier version and not given up, by id. */
export async function unverifiedGenerations(work: VerificationWork, queryable: Queryable = db()): Promise<VerificationItem[]> {
  const { keys, errors } = await unverifiedKeys(work, queryable);
  const [texts, questions] = await Promise.all([
    generationTexts(
      keys.map((key) => key.id),
      queryable,
    ),
    questionsById([...new Set(keys.map((key) => key.questionId))], queryable),
  ]);
  const items = keys.map((key): VerificationItem => {
    const question = questions.get(key.questionId);
    return {
      generationId: key.id,
      questionId: key.questionId,
      sampleIndex: key.sampleIndex,
      text: texts.get(key.id) ?? "",
      targets: question?.targets,
      question: question?.question ?? "",
      kind: question?.kind ?? "",
      videoId: question?.videoId ?? 0,
      failedAttempts: errors.get(itemKey(key.questionId, key.sampleIndex)) ?? 0,
    };
  });
  return withClipDurations(items, queryable);
}

async function unverifiedKeys(
  work: VerificationWork,
  queryable: Queryable,
): Promise<{ keys: GenerationKey[]; errors: Map<string, number> }> {
  const [generations, errors] = await Promise.all([
    generationKeysInRange(work.cycleId, work.mode, work.range, queryable),
    openErrorsInRange(work.cycleId, work.stage, work.mode, work.range, queryable),
  ]);
  const verified = await verdictGenerationIds(
    generations.map((g) => g.id),
    work.verifierVersion,
    queryable,
  );
  const keys = generations.filter(
    (g) => !verified.has(g.id) && (errors.get(itemKey(g.questionId, g.sampleIndex)) ?? 0) < work.maxItemAttempts,
  );
  return { keys, errors };
}

export interface RangeOutcome {
  /** Items still to do (neither written nor given up). */
  remaining: number;
  /** The stage's rows in the range: generations (GENERATE) or verdicts of the current verifier. */
  done: number;
  givenUp: number;
}

/**
 * Where a batch's range stands, from its rows (keys only): for stages that generate, items without
 * their Generation; for stages that judge, generations without their Verdict; neither given up.
 */
export async function rangeOutcome(work: GenerationWork, verifierVersion: string, queryable: Queryable = db()): Promise<RangeOutcome> {
  const generates = work.stage !== "VERIFY";
  const judges = work.stage !== "GENERATE";
  const [generations, errors, questionIds, passing] = await Promise.all([
    generationKeysInRange(work.cycleId, work.mode, work.range, queryable),
    openErrorsInRange(work.cycleId, work.stage, work.mode, work.range, queryable),
    generates ? selectedQuestionsInRange(work.selection, work.range, queryable) : Promise.resolve([]),
    generates ? passingFilter(work, queryable) : Promise.resolve(undefined),
  ]);
  const givenUpKey = (key: string) => (errors.get(key) ?? 0) >= work.maxItemAttempts;
  let remaining = 0;
  if (generates) {
    const written = new Set(generations.map((row) => itemKey(row.questionId, row.sampleIndex)));
    for (const questionId of questionIds) {
      if (passing?.has(questionId)) continue;
      for (let sampleIndex = 0; sampleIndex < work.samples; sampleIndex++) {
        const key = itemKey(questionId, sampleIndex);
        if (!written.has(key) && !givenUpKey(key)) remaining++;
      }
    }
  }
  let done = generations.length;
  if (judges) {
    const verified = await verdictGenerationIds(
      generations.map((g) => g.id),
      verifierVersion,
      queryable,
    );
    done = verified.size;
    remaining += generations.filter((g) => !verified.has(g.id) && !givenUpKey(itemKey(g.questionId, g.sampleIndex))).length;
  }
  const givenUp = [...errors.values()].filter((attempts) => attempts >= work.maxItemAttempts).length;
  return { remaining, done, givenUp };
}

/** RATIONALIZE: the questions to leave out (they have a passing direct answer). */
async function passingFilter(work: GenerationWork, queryable: Queryable): Promise<Set<number> | undefined> {
  if (work.onlyWithoutPassingAnswer === undefined) return undefined;
  return questionsWithPassingAnswer(work.cycleId, work.range, work.onlyWithoutPassingAnswer, queryable);
}

/** Selected questions of a range without a passing direct answer (the rationalize stage's items). */
export async function countWithoutPassingAnswer(
  cycleId: number,
  selection: Selection,
  range: [number, number],
  verifierVersion: string,
  queryable: Queryable = db(),
): Promise<number> {
  const { rows } = await queryable.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Question" q
      WHERE ${selectionCondition("q", 1)} AND q.id BETWEEN $7 AND $8
        AND NOT EXISTS (SELECT 1 FROM "Generation" a JOIN "Verdict" v ON v."generationId" = a.id AND v."verifierVersion" = $9 AND v.passed
                         WHERE a."cycleId" = $6 AND a."questionId" = q.id AND a.mode = 'ANSWER')`,
    [...selectionParams(selection), cycleId, range[0], range[1], verifierVersion],
  );
  return rows[0]?.n ?? 0;
}
