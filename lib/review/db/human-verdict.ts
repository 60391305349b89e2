/**
 * The "human verdict" rule, for any query that asks what people found in a generated answer:
 * an adjudication, when one was recorded, is the final word; without one, the raters' audits are.
 *
 * SQL: true when people call generation `generationId` (an SQL expression, e.g. `g.id`)
 * HALLUCINATED — the adjudicated verdict if there is one, else any rater's audit. So an
 * adjudicated CORRECT clears an answer a rater flagged, and an adjudicated HALLUCINATED flags one
 * nobody did. (Adjudication has one row per generation: the scalar subquery yields at most one.)
 */
export function humanSaysHallucinated(generationId: string): string {
  return `coalesce(
    (SELECT adj.verdict = 'HALLUCINATED' FROM "Adjudication" adj WHERE adj."generationId" = ${generationId}),
    EXISTS (SELECT 1 FROM "Audit" a WHERE a."generationId" = ${generationId} AND a.verdict = 'HALLUCINATED')
  )`;
}
