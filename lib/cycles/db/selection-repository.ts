import type { Selection } from "../plan";
import { db, type Queryable } from "./queryable";

/**
 * The SQL condition "question q is in the selection" with its parameters starting at $`first`
 * (datasetId, splits, maxQuestionId, cutoff, seedKey).
 */
export function selectionCondition(alias: string, first: number): string {
  const p = (offset: number) => `$${first + offset}`;
  return `${alias}."datasetId" = ${p(0)} AND ${alias}.split = ANY(${p(1)}::text[]) AND ${alias}.id <= ${p(2)}
    AND (${p(3)}::text IS NULL OR md5(${p(4)}::text || ':' || ${alias}.id::text) <= ${p(3)}::text)`;
}

export function selectionParams(selection: Selection): unknown[] {
  return [selection.datasetId, selection.splits, selection.maxQuestionId, selection.cutoff, selection.seedKey];
}

/** Fixes a deterministic sample of `sampleSize` questions (null = all) of a dataset's splits. */
export async function planSelection(
  input: { datasetId: number; splits: string[]; sampleSize: number | null; seedKey: string },
  queryable: Queryable = db(),
): Promise<Selection> {
  const { rows } = await queryable.query<{ population: number; max_id: number | null }>(
    `SELECT count(*)::int AS population, max(id) AS max_id FROM "Question" WHERE "datasetId" = $1 AND split = ANY($2::text[])`,
    [input.datasetId, input.splits],
  );
  const population = rows[0]?.population ?? 0;
  const maxQuestionId = rows[0]?.max_id ?? 0;
  const base = { datasetId: input.datasetId, splits: input.splits, maxQuestionId, seedKey: input.seedKey };
  if (input.sampleSize === null || input.sampleSize >= population) return { ...base, cutoff: null, count: population };
  const cut = await queryable.query<{ h: string }>(
    `SELECT md5($3::text || ':' || id::text) AS h FROM "Question"
      WHERE "datasetId" = $1 AND split = ANY($2::text[]) ORDER BY h LIMIT 1 OFFSET $4`,
    [input.datasetId, input.splits, input.seedKey, input.sampleSize - 1],
  );
  return { ...base, cutoff: cut.rows[0]?.h ?? null, count: input.sampleSize };
}

export interface QuestionRange {
  /** First and last selected question id of the range. */
  range: [number, number];
  /** Selected questions in it. */
  count: number;
}

/**
 * The selection cut into consecutive ranges of at most `size` selected question ids, ascending.
 * Cut by the database: only one row per range reaches this process, however many questions
 * the selection holds (a million ids read to be cut here weighed some 100 MiB in the worker).
 */
export async function selectedQuestionRanges(selection: Selection, size: number, queryable: Queryable = db()): Promise<QuestionRange[]> {
  const { rows } = await queryable.query<{ first: number; last: number; count: number }>(
    `SELECT min(id) AS first, max(id) AS last, count(*)::int AS count
       FROM (SELECT q.id, (row_number() OVER (ORDER BY q.id) - 1) / $6 AS chunk FROM "Question" q WHERE ${selectionCondition("q", 1)}) s
      GROUP BY chunk ORDER BY chunk`,
    [...selectionParams(selection), size],
  );
  return rows.map((row) => ({ range: [row.first, row.last], count: row.count }));
}
