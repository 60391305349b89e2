/**
 * The current time as the schema stores it: \`timestamp(3)\` columns without time zone, in UTC
 * (Prisma's convention). Plain now() would be converted through the session's TimeZone.
 */
export const NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * SQL shared by several queries. An assignment is "active" (it holds one of the item's k slots)
 * when it is submitted, or leased with a lease that has not run out.
 */
export const ACTIVE_ASSIGNMENT = `(a.status = 'SUBMITTED' OR (a.status = 'LEASED' AND a."leaseExpiresAt" > ${NOW}))`;

/** The latest verdict of generation `g` (highest id: the newest verifier version run on it). */
export const LATEST_VERDICT_LATERAL = `LEFT JOIN LATERAL (
    SELECT v.id, v.passed, v.score, v.threshold, v.method, v.matches, v."verifierVersion"
    FROM "Verdict" v WHERE v."generationId" = g.id ORDER BY v.id DESC LIMIT 1
  ) lv ON true`;

/**
 * Whether the person `$userParam` submitted their audit of generation `generation` through a blind
 * queue. Audits are one per person and generation, shared by every queue holding it: once submitted
 * blind, the audit is final through any queue, not only the blind one.
 */
export function submittedInBlindQueue(generation: string, userParam: string): string {
  return `EXISTS (
    SELECT 1 FROM "ReviewAssignment" ba
    JOIN "ReviewQueueItem" bi ON bi.id = ba."itemId"
    JOIN "ReviewQueue" bq ON bq.id = bi."queueId"
    WHERE bi."generationId" = ${generation} AND ba."userId" = ${userParam} AND ba.status = 'SUBMITTED' AND bq.blind
  )`;
}
