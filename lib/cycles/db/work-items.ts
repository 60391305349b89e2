import type { Selection } from "../plan";
import type { Stage } from "../state-machine";
import type { GenerationMode } from "./generation-store";
import { db, type Queryable } from "./queryable";
import { selectionCondition, selectionParams } from "./selection-repository";

export interface GenerationItem {
  questionId: number;
  sampleIndex: number;
  question: string;
  kind: string;
  targets: unknown;
  videoId: number;
  /** Attempts already failed (an unresolved ItemError), 0 when none. */
  failedAttempts: number;
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
  const params: unknown[] = [...selectionParams(work.selection), work.cycleId, work.mode, work.stage, work.range[0], work.range[1], work.samples - 1, work.maxItemAttempts];
  let passingFilter = "";
  if (work.onlyWithoutPassingAnswer !== undefined) {
    params.push(work.onlyWithoutPassingAnswer);
    passingFilter = `AND NOT EXISTS (SELECT 1 FROM "Generation" a JOIN "Verdict" v ON v."generationId" = a.id AND v."verifierVersion" = $${params.length} AND v.passed
                        WHERE a."cycleId" = $6 AND a."questionId" = q.id AND a.mode = 'ANSWER')`;
  }
  const { rows } = await queryable.query<GenerationItem>(
    `SELECT q.id AS "questionId", s.i AS "sampleIndex", q.text AS question, q.kind, q.targets, q."videoId", COALESCE(e.attempts, 0) AS "failedAttempts"
       FROM "Question" q CROSS JOIN generate_series(0, $11::int) AS s(i)
       LEFT JOIN "Generation" g ON g."cycleId" = $6 AND g."questionId" = q.id AND g.mode = $7::"GenerationMode" AND g."sampleIndex" = s.i
       LEFT JOIN "ItemError" e ON e."cycleId" = $6 AND e.stage = $8::"Stage" AND e."questionId" = q.id AND e.mode = $7::"GenerationMode"
                               AND e."sampleIndex" = s.i AND e."resolvedAt" IS NULL
      WHERE ${selectionCondition("q", 1)} AND q.id BETWEEN $9 AND $10 AND g.id IS NULL AND COALESCE(e.attempts, 0) < $12
        ${passingFilter}
      ORDER BY q.id, s.i`,
    params,
  );
  return rows;
}

export interface VerificationItem {
  generationId: number;
  questionId: number;
  sampleIndex: number;
  text: string;
  targets: unknown;
}

/** A batch's generations of `mode` without a verdict of this verifier version and not given up. */
export async function unverifiedGenerations(
  work: { cycleId: number; stage: Stage; mode: GenerationMode; range: [number, number]; verifierVersion: string; maxItemAttempts: number },
  queryable: Queryable = db(),
): Promise<VerificationItem[]> {
  const { rows } = await queryable.query<VerificationItem>(
    `SELECT g.id AS "generationId", g."questionId", g."sampleIndex", g.text, q.targets
       FROM "Generation" g JOIN "Question" q ON q.id = g."questionId"
       LEFT JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $5
       LEFT JOIN "ItemError" e ON e."cycleId" = g."cycleId" AND e.stage = $6::"Stage" AND e."questionId" = g."questionId" AND e.mode = g.mode
                               AND e."sampleIndex" = g."sampleIndex" AND e."resolvedAt" IS NULL
      WHERE g."cycleId" = $1 AND g.mode = $2::"GenerationMode" AND g."questionId" BETWEEN $3 AND $4 AND v.id IS NULL
        AND COALESCE(e.attempts, 0) < $7
      ORDER BY g.id`,
    [work.cycleId, work.mode, work.range[0], work.range[1], work.verifierVersion, work.stage, work.maxItemAttempts],
  );
  return rows;
}

/** Generations of `mode` in a question range (the verify stage's item count). */
export async function countGenerationsInRange(cycleId: number, mode: GenerationMode, range: [number, number], queryable: Queryable = db()): Promise<number> {
  const { rows } = await queryable.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1 AND mode = $2::"GenerationMode" AND "questionId" BETWEEN $3 AND $4`,
    [cycleId, mode, range[0], range[1]],
  );
  return rows[0]?.n ?? 0;
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
