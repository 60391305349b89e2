/**
 * Aggregates behind the cockpit's charts, over a set of cycles. A question counts once per mode:
 * it yields when any of its samples passed its latest verdict.
 */
const LATEST_VERDICT = `LEFT JOIN LATERAL (
  SELECT passed FROM "Verdict" WHERE "generationId" = g.id ORDER BY "createdAt" DESC, id DESC LIMIT 1
) v ON true`;

export const YIELD_SQL = `
SELECT per_question."cycleId", per_question."datasetId", d.name AS "datasetName", per_question.mode,
       count(*)::int AS questions, count(*) FILTER (WHERE per_question.passed)::int AS passed,
       bool_or(per_question.simulated) AS simulated
FROM (
  SELECT g."cycleId", q."datasetId", g.mode, g."questionId", bool_or(coalesce(v.passed, false)) AS passed, bool_or(g.simulated) AS simulated
  FROM "Generation" g
  JOIN "Question" q ON q.id = g."questionId"
  ${LATEST_VERDICT}
  WHERE g."cycleId" = ANY($1::int[]) AND g.mode <> 'EVALUATION'
  GROUP BY g."cycleId", q."datasetId", g.mode, g."questionId"
) per_question
JOIN "Dataset" d ON d.id = per_question."datasetId"
GROUP BY per_question."cycleId", per_question."datasetId", d.name, per_question.mode
ORDER BY per_question."cycleId", d.name, per_question.mode`;

/**
 * Questions of a mode that never got a generation and whose errors used all the cycle's attempts
 * (execution.maxItemAttempts of its plan, 4 by default): given up on after backend failures.
 */
export const GIVEN_UP_SQL = `
SELECT e."cycleId", q."datasetId", d.name AS "datasetName", e.mode, count(DISTINCT e."questionId")::int AS "givenUp"
FROM "ItemError" e
JOIN "Cycle" c ON c.id = e."cycleId"
JOIN "Question" q ON q.id = e."questionId"
JOIN "Dataset" d ON d.id = q."datasetId"
WHERE e."cycleId" = ANY($1::int[]) AND e."resolvedAt" IS NULL
  AND e.attempts >= coalesce((c.config->'config'->'execution'->>'maxItemAttempts')::int, 4)
  AND NOT EXISTS (SELECT 1 FROM "Generation" g WHERE g."cycleId" = e."cycleId" AND g."questionId" = e."questionId" AND g.mode = e.mode)
GROUP BY e."cycleId", q."datasetId", d.name, e.mode`;

/**
 * Per generation, the people's consensus (the review's rules, lib/review/metrics/consensus):
 * hallucinated when at least half of the definite verdicts (correct / hallucinated / partly
 * correct) say hallucinated or partly correct — or, when the answer was adjudicated, as its final
 * verdict says; label present by strict majority of the raters' yes/no. Gold items are left out:
 * they were chosen, not sampled.
 */
export const AUDIT_SQL = `
WITH rated AS (
  SELECT g.id, g."cycleId", g.mode, v.passed, adj.verdict AS adjudicated,
         count(*) FILTER (WHERE a.verdict IN ('CORRECT', 'HALLUCINATED', 'PARTLY_CORRECT')) AS rater_votes,
         count(*) FILTER (WHERE a.verdict IN ('HALLUCINATED', 'PARTLY_CORRECT')) AS rater_hallucinated,
         count(*) FILTER (WHERE a."labelPresent" IS NOT NULL) AS label_votes,
         count(*) FILTER (WHERE a."labelPresent") AS present
  FROM "Audit" a
  JOIN "Generation" g ON g.id = a."generationId"
  ${LATEST_VERDICT}
  LEFT JOIN "Adjudication" adj ON adj."generationId" = g.id
  WHERE a."submittedAt" IS NOT NULL AND g."cycleId" = ANY($1::int[])
    AND NOT EXISTS (SELECT 1 FROM "ReviewQueueItem" i WHERE i."generationId" = g.id AND i."isGold")
  GROUP BY g.id, g."cycleId", g.mode, v.passed, adj.verdict
),
judged AS (
  -- An adjudicated verdict stands alone, as one vote (none when it is "unsure").
  SELECT rated.*,
         CASE WHEN adjudicated IS NULL THEN rater_votes ELSE (adjudicated <> 'UNSURE')::int END AS votes,
         CASE WHEN adjudicated IS NULL THEN rater_hallucinated
              ELSE (adjudicated IN ('HALLUCINATED', 'PARTLY_CORRECT'))::int END AS hallucinated
  FROM rated
)
SELECT "cycleId", mode,
       count(*)::int AS "judged",
       count(*) FILTER (WHERE votes > 0)::int AS "decided",
       count(*) FILTER (WHERE votes > 0 AND hallucinated * 2 >= votes)::int AS "hallucinated",
       count(*) FILTER (WHERE passed IS TRUE AND label_votes > 0 AND present * 2 <> label_votes)::int AS "passedJudged",
       count(*) FILTER (WHERE passed IS TRUE AND present * 2 > label_votes)::int AS "passedPresent",
       count(*) FILTER (WHERE passed IS FALSE AND label_votes > 0 AND present * 2 <> label_votes)::int AS "failedJudged",
       count(*) FILTER (WHERE passed IS FALSE AND present * 2 > label_votes)::int AS "failedPresent"
FROM judged
GROUP BY GROUPING SETS (("cycleId", mode), ("cycleId"))
ORDER BY "cycleId", mode NULLS FIRST`;

export const EVALUATION_SQL = `
SELECT e."cycleId", e."datasetId", d.name AS "datasetName", e.total, e.correct, e.accuracy,
       coalesce((e.metrics->>'givenUp')::int, 0) AS "givenUp", coalesce((e.metrics->>'simulated')::boolean, false) AS simulated
FROM "Evaluation" e JOIN "Dataset" d ON d.id = e."datasetId"
WHERE e."cycleId" = ANY($1::int[])
ORDER BY e."cycleId", d.name`;

export const USAGE_SQL = `
SELECT g."cycleId", g.mode, count(*)::int AS generations,
       coalesce(sum(g."promptTokens"), 0)::bigint AS "promptTokens",
       coalesce(sum(g."completionTokens"), 0)::bigint AS "completionTokens",
       avg(g."latencyMs")::float AS "meanLatencyMs",
       min(g."createdAt") AS "firstAt", max(g."createdAt") AS "lastAt"
FROM "Generation" g
WHERE g."cycleId" = ANY($1::int[])
GROUP BY g."cycleId", g.mode
ORDER BY g."cycleId", g.mode`;
