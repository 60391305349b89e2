import { humanSaysHallucinated } from "@/lib/review/db/human-verdict";
import { db, type Queryable } from "./queryable";

export interface DatasetYield {
  datasetId: number;
  /** Questions sampled for training. */
  questions: number;
  answered: number;
  answerPassed: number;
  rationalized: number;
  rationalizationPassed: number;
  /** Some of the answers came from a simulated backend. */
  simulated: boolean;
}

/** Per dataset: questions with a passing direct answer / rationalization (any sample). */
export async function yieldByDataset(
  cycleId: number,
  verifierVersion: string,
  queryable: Queryable = db(),
): Promise<Omit<DatasetYield, "questions">[]> {
  const { rows } = await queryable.query<Omit<DatasetYield, "questions">>(
    `SELECT q."datasetId",
        count(DISTINCT g."questionId") FILTER (WHERE g.mode = 'ANSWER')::int AS answered,
        count(DISTINCT g."questionId") FILTER (WHERE g.mode = 'ANSWER' AND v.passed)::int AS "answerPassed",
        count(DISTINCT g."questionId") FILTER (WHERE g.mode = 'RATIONALIZATION')::int AS rationalized,
        count(DISTINCT g."questionId") FILTER (WHERE g.mode = 'RATIONALIZATION' AND v.passed)::int AS "rationalizationPassed",
        bool_or(g.simulated) AS simulated
       FROM "Generation" g JOIN "Question" q ON q.id = g."questionId"
       LEFT JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $2
      WHERE g."cycleId" = $1 AND g.mode IN ('ANSWER', 'RATIONALIZATION')
      GROUP BY q."datasetId"`,
    [cycleId, verifierVersion],
  );
  return rows;
}

export interface CurationFilters {
  /** Direct answers only (the final cycle; or an export's choice). */
  directOnly: boolean;
  /** Leave out answers people found HALLUCINATED: the adjudicated verdict when there is one, else any annotator's (lib/review/db/human-verdict). */
  excludeHallucinated: boolean;
}

/** The training examples a filter keeps: passing generations (per mode). */
export async function countCurated(
  cycleId: number,
  verifierVersion: string,
  filters: CurationFilters,
  queryable: Queryable = db(),
): Promise<{ mode: string; n: number }[]> {
  const { rows } = await queryable.query<{ mode: string; n: number }>(
    `SELECT g.mode, count(*)::int AS n FROM "Generation" g
       JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $2 AND v.passed
      WHERE g."cycleId" = $1 AND g.mode = ANY($3::"GenerationMode"[])
        AND (NOT $4 OR NOT ${humanSaysHallucinated("g.id")})
      GROUP BY g.mode`,
    [cycleId, verifierVersion, modesOf(filters), filters.excludeHallucinated],
  );
  return rows;
}

export function modesOf(filters: Pick<CurationFilters, "directOnly">): string[] {
  return filters.directOnly ? ["ANSWER"] : ["ANSWER", "RATIONALIZATION"];
}

/** Held-out answers of the cycle's model per dataset: how many were answered, passed, and came from a simulated backend. */
export async function evaluationCounts(
  cycleId: number,
  verifierVersion: string,
  queryable: Queryable = db(),
): Promise<{ datasetId: number; total: number; correct: number; simulated: number }[]> {
  const { rows } = await queryable.query<{ datasetId: number; total: number; correct: number; simulated: number }>(
    `SELECT q."datasetId", count(*)::int AS total, count(*) FILTER (WHERE v.passed)::int AS correct,
            count(*) FILTER (WHERE g.simulated)::int AS simulated
       FROM "Generation" g JOIN "Question" q ON q.id = g."questionId"
       LEFT JOIN "Verdict" v ON v."generationId" = g.id AND v."verifierVersion" = $2
      WHERE g."cycleId" = $1 AND g.mode = 'EVALUATION'
      GROUP BY q."datasetId"`,
    [cycleId, verifierVersion],
  );
  return rows;
}
