import type { Selection } from "../plan";
import type { Stage } from "../state-machine";
import type { GenerationMode } from "./generation-store";
import { db, type Queryable } from "./queryable";
import { selectionCondition, selectionParams } from "./selection-repository";

/**
 * The rows of one batch's question range, each read with a single-table query on an index that
 * starts with the range (never a join): the planner cannot turn them into a scan of the whole
 * cycle when its statistics lag behind a table that grows by thousands of rows a second.
 * Callers combine them in memory; a range is one batch, so everything here is batch-sized.
 */

export interface QuestionRow {
  questionId: number;
  question: string;
  kind: string;
  targets: unknown;
  videoId: number;
}

/** Ids of the selected questions of the range, ascending. */
export async function selectedQuestionsInRange(
  selection: Selection,
  range: readonly [number, number],
  queryable: Queryable = db(),
): Promise<number[]> {
  const { rows } = await queryable.query<{ id: number }>(
    `SELECT q.id FROM "Question" q WHERE ${selectionCondition("q", 1)} AND q.id BETWEEN $6 AND $7 ORDER BY q.id`,
    [...selectionParams(selection), range[0], range[1]],
  );
  return rows.map((row) => row.id);
}

/** What a generation request needs of the selected questions of the range, ascending. */
export async function selectedQuestionRowsInRange(
  selection: Selection,
  range: readonly [number, number],
  queryable: Queryable = db(),
): Promise<QuestionRow[]> {
  const { rows } = await queryable.query<QuestionRow>(
    `SELECT q.id AS "questionId", q.text AS question, q.kind, q.targets, q."videoId" FROM "Question" q
      WHERE ${selectionCondition("q", 1)} AND q.id BETWEEN $6 AND $7 ORDER BY q.id`,
    [...selectionParams(selection), range[0], range[1]],
  );
  return rows;
}

export interface GenerationKey {
  id: number;
  questionId: number;
  sampleIndex: number;
}

/** The cycle's generations of `mode` in the range (the unique key's index), by id. */
export async function generationKeysInRange(
  cycleId: number,
  mode: GenerationMode,
  range: readonly [number, number],
  queryable: Queryable = db(),
): Promise<GenerationKey[]> {
  const { rows } = await queryable.query<GenerationKey>(
    `SELECT id, "questionId", "sampleIndex" FROM "Generation"
      WHERE "cycleId" = $1 AND "questionId" BETWEEN $3 AND $4 AND mode = $2::"GenerationMode" ORDER BY id`,
    [cycleId, mode, range[0], range[1]],
  );
  return rows;
}

/** Of these generations, the ids that have a verdict of `verifierVersion`. */
export async function verdictGenerationIds(
  generationIds: readonly number[],
  verifierVersion: string,
  queryable: Queryable = db(),
): Promise<Set<number>> {
  if (generationIds.length === 0) return new Set();
  const { rows } = await queryable.query<{ id: number }>(
    `SELECT "generationId" AS id FROM "Verdict" WHERE "generationId" = ANY($1::int[]) AND "verifierVersion" = $2`,
    [generationIds, verifierVersion],
  );
  return new Set(rows.map((row) => row.id));
}

interface GenerationText {
  id: number;
  text: string;
}

/** The texts of these generations. */
export async function generationTexts(generationIds: readonly number[], queryable: Queryable = db()): Promise<Map<number, string>> {
  if (generationIds.length === 0) return new Map();
  const { rows } = await queryable.query<GenerationText>(`SELECT id, text FROM "Generation" WHERE id = ANY($1::int[])`, [generationIds]);
  return new Map(rows.map((row) => [row.id, row.text]));
}

/** What the verifier needs of these questions: targets, text, kind and video. */
export async function questionsById(questionIds: readonly number[], queryable: Queryable = db()): Promise<Map<number, QuestionRow>> {
  if (questionIds.length === 0) return new Map();
  const { rows } = await queryable.query<QuestionRow>(
    `SELECT id AS "questionId", text AS question, kind, targets, "videoId" FROM "Question" WHERE id = ANY($1::int[])`,
    [questionIds],
  );
  return new Map(rows.map((row) => [row.questionId, row]));
}

/** The probed durations (seconds) of these videos, for those that have one. */
export async function videoDurations(videoIds: readonly number[], queryable: Queryable = db()): Promise<Map<number, number>> {
  if (videoIds.length === 0) return new Map();
  const { rows } = await queryable.query<{ id: number; durationSec: number }>(
    `SELECT id, "durationSec" FROM "Video" WHERE id = ANY($1::int[]) AND "durationSec" IS NOT NULL`,
    [videoIds],
  );
  return new Map(rows.map((row) => [row.id, row.durationSec]));
}

/** Unresolved item errors of the stage in the range: attempts by item key (see `itemKey`). */
export async function openErrorsInRange(
  cycleId: number,
  stage: Stage,
  mode: GenerationMode,
  range: readonly [number, number],
  queryable: Queryable = db(),
): Promise<Map<string, number>> {
  const { rows } = await queryable.query<{ questionId: number; sampleIndex: number; attempts: number }>(
    `SELECT "questionId", "sampleIndex", attempts FROM "ItemError"
      WHERE "cycleId" = $1 AND stage = $2::"Stage" AND "questionId" BETWEEN $4 AND $5 AND mode = $3::"GenerationMode" AND "resolvedAt" IS NULL`,
    [cycleId, stage, mode, range[0], range[1]],
  );
  return new Map(rows.map((row) => [itemKey(row.questionId, row.sampleIndex), row.attempts]));
}

/** Questions of the range with a passing direct answer under `verifierVersion`. */
export async function questionsWithPassingAnswer(
  cycleId: number,
  range: readonly [number, number],
  verifierVersion: string,
  queryable: Queryable = db(),
): Promise<Set<number>> {
  const answers = await generationKeysInRange(cycleId, "ANSWER", range, queryable);
  const passing = await passedGenerationIds(
    answers.map((answer) => answer.id),
    verifierVersion,
    queryable,
  );
  return new Set(answers.filter((answer) => passing.has(answer.id)).map((answer) => answer.questionId));
}

async function passedGenerationIds(generationIds: readonly number[], verifierVersion: string, queryable: Queryable): Promise<Set<number>> {
  if (generationIds.length === 0) return new Set();
  const { rows } = await queryable.query<{ id: number }>(
    `SELECT "generationId" AS id FROM "Verdict" WHERE "generationId" = ANY($1::int[]) AND "verifierVersion" = $2 AND passed`,
    [generationIds, verifierVersion],
  );
  return new Set(rows.map((row) => row.id));
}

/** An item's key within a stage and mode: question and sample. */
export function itemKey(questionId: number, sampleIndex: number): string {
  return `${questionId}:${sampleIndex}`;
}
