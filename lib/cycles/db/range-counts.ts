import type { Stage } from "../state-machine";
import { modeOfStage } from "./generation-store";
import { db, type Queryable } from "./queryable";

/** Rows a stage has in a question range (its batch's progress): generations, or their verdicts. */
export async function rowsInRange(cycleId: number, stage: Stage, range: [number, number], verifierVersion: string, queryable: Queryable = db()): Promise<number> {
  const mode = modeOfStage(stage);
  const sql =
    stage === "GENERATE"
      ? `SELECT count(*)::int AS n FROM "Generation" WHERE "cycleId" = $1 AND mode = $2::"GenerationMode" AND "questionId" BETWEEN $3 AND $4`
      : `SELECT count(*)::int AS n FROM "Generation" g JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $5
          WHERE g."cycleId" = $1 AND g.mode = $2::"GenerationMode" AND g."questionId" BETWEEN $3 AND $4`;
  const params = stage === "GENERATE" ? [cycleId, mode, range[0], range[1]] : [cycleId, mode, range[0], range[1], verifierVersion];
  const { rows } = await queryable.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

/** Items of a range the stage gave up on. */
export async function givenUpInRange(cycleId: number, stage: Stage, range: [number, number], maxItemAttempts: number, queryable: Queryable = db()): Promise<number> {
  const { rows } = await queryable.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "ItemError" WHERE "cycleId" = $1 AND stage = $2::"Stage" AND "resolvedAt" IS NULL AND attempts >= $5
        AND "questionId" BETWEEN $3 AND $4`,
    [cycleId, stage, range[0], range[1], maxItemAttempts],
  );
  return rows[0]?.n ?? 0;
}
