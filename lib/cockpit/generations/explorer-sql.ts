import type { ExplorerFilters, ExplorerQuery } from "./explorer-filters";
import { parseSearch, phrasePattern } from "./search-phrases";

/** The full-text expression; it must stay identical to the GIN index's (migration generation_text_search). */
export const TEXT_SEARCH_VECTOR = `to_tsvector('english', g."text")`;

export interface SqlQuery {
  text: string;
  values: unknown[];
}

type Param = (value: unknown) => string;

/** Ids the query may look at beyond its filters: an id range (a search window) and ids a search already matched. */
export interface ExplorerWindow {
  /** Inclusive. */
  lowerBound?: number;
  /** Exclusive. */
  upperBound?: number;
  fetch?: number;
  /** Rows a search already matched (searchCandidatesSql): the text conditions are not evaluated again. */
  candidateIds?: number[];
}

/**
 * One page of generations in id order (newest or oldest first), by keyset (past the cursor): the
 * cost of a page does not grow with how deep it is. Fetches limit + 1 rows so the caller knows
 * whether there is more.
 */
export function explorerSql(query: ExplorerQuery, window: ExplorerWindow = {}): SqlQuery {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const where: string[] = [];
  const oldestFirst = query.sort === "oldest";

  if (query.cursor !== undefined) where.push(`g.id ${oldestFirst ? ">" : "<"} ${param(query.cursor)}`);
  if (window.lowerBound !== undefined) where.push(`g.id >= ${param(window.lowerBound)}`);
  if (window.upperBound !== undefined) where.push(`g.id < ${param(window.upperBound)}`);
  if (window.candidateIds !== undefined) where.push(`g.id = ANY(${param(window.candidateIds)}::int[])`);
  where.push(...filterConditions(query, param));
  let search = "NULL::text";
  if (query.q !== undefined) {
    const tsquery = `websearch_to_tsquery('english', ${param(parseSearch(query.q).text)})`;
    if (window.candidateIds === undefined) where.push(...textConditions(query.q, param));
    search = `ts_headline('english', g."text", ${tsquery}, 'MaxFragments=2, MaxWords=30, MinWords=8, StartSel=<<, StopSel=>>')`;
  }

  const text = `
SELECT g.id, g."cycleId", c."index" AS "cycleIndex", c."runId", r.name AS "runName", q."datasetId", d.name AS "datasetName",
       g.mode, g."sampleIndex", g.model, g.simulated, left(g."text", 400) AS snippet, ${search} AS headline,
       left(q."text", 200) AS question, q.targets, v.passed, v.score, a.audits, a.hallucinated, a."labelMissing", g."createdAt"
FROM "Generation" g
JOIN "Question" q ON q.id = g."questionId"
JOIN "Dataset" d ON d.id = q."datasetId"
JOIN "Cycle" c ON c.id = g."cycleId"
JOIN "Run" r ON r.id = c."runId"
${VERDICT_LATERAL}
LEFT JOIN LATERAL (
  SELECT count(*)::int AS audits,
         count(*) FILTER (WHERE verdict = 'HALLUCINATED')::int AS hallucinated,
         count(*) FILTER (WHERE "labelPresent" IS FALSE)::int AS "labelMissing"
  FROM "Audit" WHERE "generationId" = g.id AND "submittedAt" IS NOT NULL
) a ON true
${where.length ? `WHERE ${where.join("\n  AND ")}` : ""}
ORDER BY g.id ${oldestFirst ? "ASC" : "DESC"}
LIMIT ${param(window.fetch ?? query.limit + 1)}`;
  return { text, values };
}

const VERDICT_LATERAL = `LEFT JOIN LATERAL (
  SELECT passed, score FROM "Verdict" WHERE "generationId" = g.id ORDER BY "createdAt" DESC, id DESC LIMIT 1
) v ON true`;

/** How many generations match the filters and the search (cursor and order aside). */
export function explorerCountSql(query: ExplorerQuery): SqlQuery {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const where = [...filterConditions(query, param), ...(query.q === undefined ? [] : textConditions(query.q, param))];
  const text = `
SELECT count(*)::int AS total
FROM "Generation" g
JOIN "Question" q ON q.id = g."questionId"
JOIN "Cycle" c ON c.id = g."cycleId"
${query.verdict === undefined ? "" : VERDICT_LATERAL}
${where.length ? `WHERE ${where.join("\n  AND ")}` : ""}`;
  return { text, values };
}

/**
 * Generations the filters and the search match, as (id, cycleId, mode), at most `limit` of them:
 * what a bulk action takes from the explorer's current filters. Unordered, so that the planner is
 * free to answer a search from the full-text index rather than walk the ids in order.
 */
export function explorerMatchSql(filters: ExplorerFilters, limit: number): SqlQuery {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const where = [...filterConditions(filters, param), ...(filters.q === undefined ? [] : textConditions(filters.q, param))];
  const text = `
SELECT g.id, g."cycleId", g.mode
FROM "Generation" g
JOIN "Question" q ON q.id = g."questionId"
JOIN "Cycle" c ON c.id = g."cycleId"
${filters.verdict === undefined ? "" : VERDICT_LATERAL}
${where.length ? `WHERE ${where.join("\n  AND ")}` : ""}
LIMIT ${param(limit)}`;
  return { text, values };
}

/** The filters' conditions on g (Generation), q (Question), c (Cycle) and v (the latest verdict). */
function filterConditions(query: ExplorerFilters, param: Param): string[] {
  const where: string[] = [];
  if (query.cycleId !== undefined) where.push(`g."cycleId" = ${param(query.cycleId)}`);
  if (query.runId !== undefined) where.push(`c."runId" = ${param(query.runId)}`);
  if (query.datasetId !== undefined) where.push(`q."datasetId" = ${param(query.datasetId)}`);
  if (query.mode !== undefined) where.push(`g.mode = ${param(query.mode)}::"GenerationMode"`);
  if (query.labelType !== undefined) where.push(`q.targets @> ${param(JSON.stringify([{ labelType: query.labelType }]))}::jsonb`);
  if (query.verdict === "passed") where.push("v.passed IS TRUE");
  if (query.verdict === "failed") where.push("v.passed IS FALSE");
  if (query.verdict === "unverified") where.push("v.passed IS NULL");
  if (query.audit !== undefined) where.push(auditCondition(query.audit, param));
  return where;
}

/**
 * The search on the answer's text: the full-text query (which the GIN index answers), and each
 * quoted phrase word for word (checked only on the rows the index found).
 */
function textConditions(q: string, param: Param): string[] {
  const { text, phrases } = parseSearch(q);
  return [
    `${TEXT_SEARCH_VECTOR} @@ websearch_to_tsquery('english', ${param(text)})`,
    ...phrases.map((phrase) => `g."text" ${phrase.excluded ? "!~*" : "~*"} ${param(phrasePattern(phrase))}`),
  ];
}

function auditCondition(audit: NonNullable<ExplorerFilters["audit"]>, param: Param): string {
  const submitted = `FROM "Audit" au WHERE au."generationId" = g.id AND au."submittedAt" IS NOT NULL`;
  switch (audit) {
    case "unaudited":
      return `NOT EXISTS (SELECT 1 ${submitted})`;
    case "audited":
      return `EXISTS (SELECT 1 ${submitted})`;
    case "label-missing":
      return `EXISTS (SELECT 1 ${submitted} AND au."labelPresent" IS FALSE)`;
    default:
      return `EXISTS (SELECT 1 ${submitted} AND au.verdict = ${param(audit)}::"AuditVerdict")`;
  }
}

/**
 * The ids in [lower, upper) whose answer matches the search, narrowed by the conditions on the
 * Generation row and its question (cycle, mode, dataset, label type): the part of a search the
 * indexes answer without visiting each generation.
 */
export function searchCandidatesSql(query: ExplorerQuery & { q: string }, lower: number, upper: number): SqlQuery {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const where = [...textConditions(query.q, param), `g.id >= ${param(lower)}`, `g.id < ${param(upper)}`];
  if (query.cycleId !== undefined) where.push(`g."cycleId" = ${param(query.cycleId)}`);
  if (query.mode !== undefined) where.push(`g.mode = ${param(query.mode)}::"GenerationMode"`);
  const questionWhere: string[] = [];
  if (query.datasetId !== undefined) questionWhere.push(`q."datasetId" = ${param(query.datasetId)}`);
  if (query.labelType !== undefined) questionWhere.push(`q.targets @> ${param(JSON.stringify([{ labelType: query.labelType }]))}::jsonb`);
  if (questionWhere.length > 0) where.push(`g."questionId" IN (SELECT q.id FROM "Question" q WHERE ${questionWhere.join(" AND ")})`);
  return { text: `SELECT g.id FROM "Generation" g WHERE ${where.join(" AND ")}`, values };
}
