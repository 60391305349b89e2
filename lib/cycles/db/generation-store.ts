import type { Stage } from "../state-machine";
import { db, type Queryable } from "./queryable";

export type GenerationMode = "ANSWER" | "RATIONALIZATION" | "EVALUATION";

export interface NewGeneration {
  questionId: number;
  sampleIndex: number;
  model: string;
  prompt: string;
  text: string;
  latencyMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  finishReason: string | null;
  /** The answer's verdict, when it was judged as it arrived: written with the Generation, atomically. */
  verdict?: JudgedVerdict;
}

/**
 * Bulk insert; a key that already has its Generation keeps the first one (and a verdict that came
 * with a row not inserted is dropped: the stage that judges finds that Generation unverified).
 * Returns the Generations inserted.
 */
export async function insertGenerations(
  cycleId: number,
  mode: GenerationMode,
  simulated: boolean,
  rows: readonly NewGeneration[],
  queryable: Queryable = db(),
): Promise<number> {
  if (rows.length === 0) return 0;
  const generations = [
    cycleId,
    mode,
    simulated,
    rows.map((r) => r.questionId),
    rows.map((r) => r.sampleIndex),
    rows.map((r) => r.model),
    rows.map((r) => r.prompt),
    rows.map((r) => stripNul(r.text)),
    rows.map((r) => (r.latencyMs === null ? null : Math.round(r.latencyMs))),
    rows.map((r) => r.promptTokens),
    rows.map((r) => r.completionTokens),
    rows.map((r) => r.finishReason),
  ];
  const insertGenerationsSql = `INSERT INTO "Generation" ("cycleId", "questionId", mode, "sampleIndex", model, prompt, text, "latencyMs", "promptTokens", "completionTokens", "finishReason", simulated)
     SELECT $1, q, $2::"GenerationMode", s, m, p, t, l, pt, ct, f, $3
       FROM unnest($4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::int[], $12::text[]) AS u(q, s, m, p, t, l, pt, ct, f)
     ON CONFLICT ("cycleId", "questionId", mode, "sampleIndex") DO NOTHING`;
  const judged = rows.filter((r): r is NewGeneration & { verdict: JudgedVerdict } => r.verdict !== undefined);
  if (judged.length === 0) {
    const { rowCount } = await queryable.query(insertGenerationsSql, generations);
    return rowCount ?? 0;
  }
  // One statement: the Generations and the verdicts of those actually inserted, joined on their key.
  const { rows: counts } = await queryable.query<{ generations: number }>(
    `WITH inserted AS (${insertGenerationsSql} RETURNING id, "questionId", "sampleIndex"),
          judged AS (
            INSERT INTO "Verdict" ("generationId", "verifierVersion", "configHash", passed, score, threshold, method, matches)
            SELECT i.id, v.vv, v.h, v.p, v.sc, v.t, v.m, v.x::jsonb
              FROM inserted i
              JOIN unnest($13::int[], $14::int[], $15::text[], $16::text[], $17::bool[], $18::float8[], $19::float8[], $20::text[], $21::text[]) AS v(q, s, vv, h, p, sc, t, m, x)
                ON v.q = i."questionId" AND v.s = i."sampleIndex"
            ON CONFLICT ("generationId", "verifierVersion") DO NOTHING
            RETURNING 1)
     SELECT (SELECT count(*) FROM inserted)::int AS generations, (SELECT count(*) FROM judged)::int AS verdicts`,
    [...generations, judged.map((r) => r.questionId), judged.map((r) => r.sampleIndex), ...verdictColumns(judged.map((r) => r.verdict))],
  );
  return counts[0]?.generations ?? 0;
}

/** A verdict before it knows its Generation's id. */
export type JudgedVerdict = Omit<NewVerdict, "generationId">;

export interface NewVerdict {
  generationId: number;
  verifierVersion: string;
  configHash: string;
  passed: boolean;
  score: number;
  threshold: number | null;
  method: string;
  matches: unknown;
}

/** Bulk insert; a (generation, verifier version) that already has its Verdict keeps the first one. */
export async function insertVerdicts(rows: readonly NewVerdict[], queryable: Queryable = db()): Promise<number> {
  if (rows.length === 0) return 0;
  const { rowCount } = await queryable.query(
    `INSERT INTO "Verdict" ("generationId", "verifierVersion", "configHash", passed, score, threshold, method, matches)
     SELECT g, v, h, p, s, t, m, x::jsonb
       FROM unnest($1::int[], $2::text[], $3::text[], $4::bool[], $5::float8[], $6::float8[], $7::text[], $8::text[]) AS u(g, v, h, p, s, t, m, x)
     ON CONFLICT ("generationId", "verifierVersion") DO NOTHING`,
    [rows.map((r) => r.generationId), ...verdictColumns(rows)],
  );
  return rowCount ?? 0;
}

/** A verdict's columns as arrays for unnest: version, config hash, passed, score, threshold, method, matches (JSON). */
function verdictColumns(rows: readonly JudgedVerdict[]): unknown[] {
  return [
    rows.map((r) => r.verifierVersion),
    rows.map((r) => r.configHash),
    rows.map((r) => r.passed),
    rows.map((r) => (Number.isFinite(r.score) ? r.score : 0)),
    rows.map((r) => (r.threshold !== null && Number.isFinite(r.threshold) ? r.threshold : null)),
    rows.map((r) => r.method),
    rows.map((r) => JSON.stringify(r.matches ?? [])),
  ];
}

export interface ItemKey {
  questionId: number;
  mode: GenerationMode;
  sampleIndex: number;
}

export interface ItemFailure extends ItemKey {
  reason: string;
  message: string;
  /** Attempts to add: 1 for a failed try, the item limit for a failure no retry can fix. */
  attempts: number;
}

/** Records failures (adding to their attempts); a failure recorded again is unresolved again. */
export async function recordItemErrors(
  cycleId: number,
  stage: Stage,
  failures: readonly ItemFailure[],
  queryable: Queryable = db(),
): Promise<void> {
  if (failures.length === 0) return;
  await queryable.query(
    `INSERT INTO "ItemError" ("cycleId", stage, "questionId", mode, "sampleIndex", reason, message, attempts, "updatedAt")
     SELECT $1, $2::"Stage", q, m, s, r, x, a, now()
       FROM unnest($3::int[], $4::"GenerationMode"[], $5::int[], $6::text[], $7::text[], $8::int[]) AS u(q, m, s, r, x, a)
     ON CONFLICT ("cycleId", stage, "questionId", mode, "sampleIndex") DO UPDATE
       SET attempts = "ItemError".attempts + EXCLUDED.attempts, reason = EXCLUDED.reason, message = EXCLUDED.message,
           "resolvedAt" = NULL, "updatedAt" = now()`,
    [
      cycleId,
      stage,
      failures.map((f) => f.questionId),
      failures.map((f) => f.mode),
      failures.map((f) => f.sampleIndex),
      failures.map((f) => f.reason),
      failures.map((f) => stripNul(f.message).slice(0, 2000)),
      failures.map((f) => f.attempts),
    ],
  );
}

/** Marks the errors of items that have now succeeded as resolved (they stay, for the record). */
export async function resolveItemErrors(
  cycleId: number,
  stage: Stage,
  keys: readonly ItemKey[],
  queryable: Queryable = db(),
): Promise<void> {
  if (keys.length === 0) return;
  await queryable.query(
    `UPDATE "ItemError" e SET "resolvedAt" = now(), "updatedAt" = now()
       FROM unnest($3::int[], $4::"GenerationMode"[], $5::int[]) AS u(q, m, s)
      WHERE e."cycleId" = $1 AND e.stage = $2::"Stage" AND e."resolvedAt" IS NULL
        AND e."questionId" = u.q AND e.mode = u.m AND e."sampleIndex" = u.s`,
    [cycleId, stage, keys.map((k) => k.questionId), keys.map((k) => k.mode), keys.map((k) => k.sampleIndex)],
  );
}

/** Rows a stage has produced: generations for GENERATE, verdicts (current verifier) for the others. */
export async function countStageRows(cycleId: number, stage: Stage, verifierVersion: string, queryable: Queryable = db()): Promise<number> {
  const mode = modeOfStage(stage);
  const sql =
    stage === "GENERATE"
      ? `SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1 AND mode = $2::"GenerationMode"`
      : `SELECT count(*)::int AS n FROM "Generation" g JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $3
          WHERE g."cycleId" = $1 AND g.mode = $2::"GenerationMode"`;
  const { rows } = await queryable.query<{ n: number }>(sql, stage === "GENERATE" ? [cycleId, mode] : [cycleId, mode, verifierVersion]);
  return rows[0]?.n ?? 0;
}

/** Items a stage gave up on: unresolved errors that used all their attempts. */
export async function countGivenUp(cycleId: number, stage: Stage, maxItemAttempts: number, queryable: Queryable = db()): Promise<number> {
  const { rows } = await queryable.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "ItemError" WHERE "cycleId" = $1 AND stage = $2::"Stage" AND "resolvedAt" IS NULL AND attempts >= $3`,
    [cycleId, stage, maxItemAttempts],
  );
  return rows[0]?.n ?? 0;
}

/** Items given up per stage: unresolved errors that used all their attempts (stages with none are absent). */
export async function givenUpByStage(
  cycleId: number,
  maxItemAttempts: number,
  queryable: Queryable = db(),
): Promise<Partial<Record<Stage, number>>> {
  const { rows } = await queryable.query<{ stage: Stage; n: number }>(
    `SELECT stage, count(*)::int AS n FROM "ItemError" WHERE "cycleId" = $1 AND "resolvedAt" IS NULL AND attempts >= $2 GROUP BY stage`,
    [cycleId, maxItemAttempts],
  );
  return Object.fromEntries(rows.map((row) => [row.stage, row.n]));
}

export async function errorReasons(
  cycleId: number,
  queryable: Queryable = db(),
): Promise<{ stage: Stage; reason: string; open: number; resolved: number }[]> {
  const { rows } = await queryable.query<{ stage: Stage; reason: string; open: number; resolved: number }>(
    `SELECT stage, reason, count(*) FILTER (WHERE "resolvedAt" IS NULL)::int AS open, count(*) FILTER (WHERE "resolvedAt" IS NOT NULL)::int AS resolved
       FROM "ItemError" WHERE "cycleId" = $1 GROUP BY stage, reason ORDER BY stage, reason`,
    [cycleId],
  );
  return rows;
}

export function modeOfStage(stage: Stage): GenerationMode {
  if (stage === "RATIONALIZE") return "RATIONALIZATION";
  if (stage === "EVALUATE") return "EVALUATION";
  return "ANSWER";
}

/** PostgreSQL text cannot hold NUL; a model can emit one. */
function stripNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}
