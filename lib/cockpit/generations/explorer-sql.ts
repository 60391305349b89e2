import type { ExplorerFilters, ExplorerQuery } from "./explorer-filters";
import { parseSearch, phrasePattern } from "./search-phrases";

/** The full-text expression; it must stay identical to the GIN index's (migration generation_text_search). */
export const TEXT_SEARCH_VECTOR = `to_tsvector('english', g."text")`;

export interface SqlQuery {
  text: string;
  values: unknown[];
}

type Param = (value: unknown) => string;

/**
 * How a page's ids are found:
 * - "walk": in id order down the primary key (or the (cycleId, id) index), filters checked row by
 *   row until the page is full. Cheap when matches are dense along the way; a trap when they are
 *   few or all at the far end (a small, old dataset: the walk reads every newer row first).
 * - "collect": every matching id first, from the most selective index (the dataset's questions,
 *   the audits, the full-text index), then the page's ids by a top-N sort. Its cost follows how
 *   many rows match, wherever they are: what a selective filter needs.
 */
export type ExplorerPlan = "walk" | "collect";

/** Ids the query may look at beyond its filters: an id range (a search window) and ids a search already matched. */
export interface ExplorerWindow {
  /** Inclusive. */
  lowerBound?: number;
  /** Exclusive. */
  upperBound?: number;
  fetch?: number;
  /** Rows a search already matched (searchCandidatesSql): the text conditions are not evaluated again. */
  candidateIds?: number[];
  /** With a run and no cycle: the run's cycles, for a walk down each one's (cycleId, id) index. */
  runCycleIds?: number[];
}

/**
 * One page of generations in id order (newest or oldest first), by keyset (past the cursor): the
 * cost of a page does not grow with how deep it is. Fetches limit + 1 rows so the caller knows
 * whether there is more. The page's ids are found first (a materialized CTE, with only the joins
 * the filters need, by `plan`), and only those rows are then joined to what the list shows.
 */
export function explorerSql(query: ExplorerQuery, window: ExplorerWindow = {}, plan: ExplorerPlan = "walk"): SqlQuery {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const direction = query.sort === "oldest" ? "ASC" : "DESC";
  const fetch = window.fetch ?? query.limit + 1;
  let ids: string;
  if (plan === "walk" && window.runCycleIds !== undefined && query.cycleId === undefined) {
    // A run: one walk per cycle down its (cycleId, id) index, merged in id order (a Merge Append).
    const perCycle = window.runCycleIds.map(
      (cycleId) => `(${pageIdsSql({ ...query, runId: undefined, cycleId }, window, plan, param, fetch)})`,
    );
    ids = perCycle.length
      ? `SELECT id FROM (${perCycle.join("\n  UNION ALL ")}) per_cycle ORDER BY id ${direction} LIMIT ${param(fetch)}`
      : "SELECT NULL::int AS id WHERE false";
  } else ids = pageIdsSql(query, window, plan, param, fetch);
  let headline = "NULL::text";
  if (query.q !== undefined) {
    const tsquery = `websearch_to_tsquery('english', ${param(parseSearch(query.q).text)})`;
    headline = `ts_headline('english', g."text", ${tsquery}, 'MaxFragments=2, MaxWords=30, MinWords=8, StartSel=<<, StopSel=>>')`;
  }
  const text = `
WITH page AS MATERIALIZED (
  ${ids}
)
SELECT g.id, g."cycleId", c."index" AS "cycleIndex", c."runId", r.name AS "runName", q."datasetId", d.name AS "datasetName",
       g.mode, g."sampleIndex", g.model, g.simulated, left(g."text", 400) AS snippet, ${headline} AS headline,
       left(q."text", 200) AS question, q.targets, v.passed, v.score, a.audits, a.hallucinated, a."labelMissing", g."createdAt"
FROM page
JOIN "Generation" g ON g.id = page.id
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
ORDER BY g.id ${direction}`;
  return { text, values };
}

/** The ids of a page, in order, by `plan`: what the page's CTE holds. */
function pageIdsSql(query: ExplorerQuery, window: ExplorerWindow, plan: ExplorerPlan, param: Param, fetch: number): string {
  const oldestFirst = query.sort === "oldest";
  const direction = oldestFirst ? "ASC" : "DESC";
  const where: string[] = [];
  // A walk within one cycle follows the (cycleId, id) index. Said as `cycleId = $c`, the planner
  // takes the two indexes for equally good and walks the primary key, filtering on the cycle: for
  // an older cycle, through every row of the newer ones first. As a range of (cycleId, id) pairs,
  // ordered by both, only that index serves the order.
  // With a mode too, `cycleId = $c AND mode = $m` is what the (cycleId, mode, id) index serves.
  const cycleWalk = plan === "walk" && query.cycleId !== undefined && query.mode === undefined;
  if (cycleWalk) {
    const cycle = param(query.cycleId);
    const [near, far] = oldestFirst ? [">", "<="] : ["<", ">="];
    const end = oldestFirst ? INT4_MAX : INT4_MIN;
    where.push(`(g."cycleId", g.id) ${near} (${cycle}, ${param(query.cursor ?? (oldestFirst ? INT4_MIN : INT4_MAX))})`);
    where.push(`(g."cycleId", g.id) ${far} (${cycle}, ${param(end)})`);
  } else if (query.cursor !== undefined) where.push(`g.id ${oldestFirst ? ">" : "<"} ${param(query.cursor)}`);
  if (window.lowerBound !== undefined) where.push(`g.id >= ${param(window.lowerBound)}`);
  if (window.upperBound !== undefined) where.push(`g.id < ${param(window.upperBound)}`);
  if (window.candidateIds !== undefined) where.push(`g.id = ANY(${param(window.candidateIds)}::int[])`);
  // Collecting a search's matches: the full-text index drives, and the conditions on Generation's
  // own columns are checked on its rows rather than ANDed in as bitmaps of their indexes (a
  // cycle's half of the table read from the (cycleId, …) index took a second).
  const driveByText = plan === "collect" && query.q !== undefined && window.candidateIds === undefined;
  where.push(...filterConditions(cycleWalk ? { ...query, cycleId: undefined } : query, param, { indexable: !driveByText }));
  if (query.q !== undefined && window.candidateIds === undefined) where.push(...textConditions(query.q, param));
  // `g.id + 0` is not the indexed column: the planner cannot walk an index in id order and plans
  // to find every match first, by whichever index is most selective.
  const orderKey = plan === "collect" ? "g.id + 0" : cycleWalk ? `g."cycleId" ${direction}, g.id` : "g.id";
  return `SELECT g.id
  FROM "Generation" g
  ${filterJoins(query)}
  ${where.length ? `WHERE ${where.join("\n    AND ")}` : ""}
  ORDER BY ${orderKey} ${direction}
  LIMIT ${param(fetch)}`;
}

const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

const VERDICT_LATERAL = `LEFT JOIN LATERAL (
  SELECT passed, score FROM "Verdict" WHERE "generationId" = g.id ORDER BY "createdAt" DESC, id DESC LIMIT 1
) v ON true`;

/** The joins the filters' conditions need: Question for a dataset or label type, Cycle for a run, the latest verdict. */
function filterJoins(filters: ExplorerFilters): string {
  const joins: string[] = [];
  if (filters.datasetId !== undefined || filters.labelType !== undefined) joins.push(`JOIN "Question" q ON q.id = g."questionId"`);
  if (filters.runId !== undefined) joins.push(`JOIN "Cycle" c ON c.id = g."cycleId"`);
  if (filters.verdict !== undefined) joins.push(VERDICT_LATERAL);
  return joins.join("\n  ");
}

/** The generations the filters and the search match (cursor and order aside): what counts read. */
function explorerMatchingSql(query: ExplorerFilters): SqlQuery {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const where = [...filterConditions(query, param), ...(query.q === undefined ? [] : textConditions(query.q, param))];
  const text = `SELECT g.id FROM "Generation" g ${filterJoins(query)} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  return { text, values };
}

/**
 * The same rows for the planner's estimate (EXPLAIN, never run). The latest verdict is said as
 * "some verdict passed / failed / none": the planner cannot see through the latest-verdict
 * subquery and estimated every row to match (5,000,000 of a cycle's 5,000,000 for "failed", where
 * 1,750,000 do); the semi-join it estimates from Verdict.passed's statistics. It differs only for
 * a generation verified more than once with different outcomes.
 */
export function explorerEstimateSql(query: ExplorerFilters, runCycleIds?: number[]): SqlQuery {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  // A run as its cycles' ids: the planner estimates those from Generation.cycleId's statistics,
  // where the join to Cycle it put at 45,000 of a run's 10,000,000 rows.
  const { verdict, ...rest } = runCycleIds === undefined ? query : { ...query, runId: undefined };
  const where = [...filterConditions(rest, param), ...(query.q === undefined ? [] : textConditions(query.q, param))];
  if (runCycleIds !== undefined) where.push(`g."cycleId" = ANY(${param(runCycleIds)}::int[])`);
  const verdicts = `FROM "Verdict" ve WHERE ve."generationId" = g.id`;
  if (verdict === "passed") where.push(`EXISTS (SELECT 1 ${verdicts} AND ve.passed)`);
  if (verdict === "failed") where.push(`EXISTS (SELECT 1 ${verdicts} AND NOT ve.passed)`);
  if (verdict === "unverified") where.push(`NOT EXISTS (SELECT 1 ${verdicts})`);
  const text = `SELECT g.id FROM "Generation" g ${filterJoins(rest)} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  return { text, values };
}

/** How many generations match the filters and the search (cursor and order aside). */
export function explorerCountSql(query: ExplorerQuery): SqlQuery {
  const matching = explorerMatchingSql(query);
  return { text: `SELECT count(*)::int AS total FROM (${matching.text}) m`, values: matching.values };
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
${filterJoins(filters)}
${where.length ? `WHERE ${where.join("\n  AND ")}` : ""}
LIMIT ${param(limit)}`;
  return { text, values };
}

/**
 * The filters' conditions on g (Generation), q (Question), c (Cycle) and v (the latest verdict).
 * `indexable: false` writes those on Generation's own columns so that no index can take them.
 */
function filterConditions(query: ExplorerFilters, param: Param, options: { indexable?: boolean } = {}): string[] {
  const where: string[] = [];
  const indexable = options.indexable ?? true;
  if (query.cycleId !== undefined) where.push(`${indexable ? `g."cycleId"` : `(g."cycleId" + 0)`} = ${param(query.cycleId)}`);
  if (query.runId !== undefined) where.push(`c."runId" = ${param(query.runId)}`);
  if (query.datasetId !== undefined) where.push(`q."datasetId" = ${param(query.datasetId)}`);
  if (query.mode !== undefined)
    where.push(`${indexable ? "g.mode" : "g.mode::text"} = ${param(query.mode)}${indexable ? `::"GenerationMode"` : ""}`);
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

/** Only the full-text query of a search, for the planner's estimate of how many answers it matches. */
export function textMatchSql(q: string): SqlQuery {
  return {
    text: `SELECT g.id FROM "Generation" g WHERE ${TEXT_SEARCH_VECTOR} @@ websearch_to_tsquery('english', $1)`,
    values: [parseSearch(q).text],
  };
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
 * The ids in [lower, upper) whose answer matches the search: the part of a search the full-text
 * index answers (ANDed with the id range) without visiting each generation. The other filters are
 * checked on these candidates by the page query.
 */
export function searchCandidatesSql(q: string, lower: number, upper: number): SqlQuery {
  const values: unknown[] = [];
  const param: Param = (value) => `$${values.push(value)}`;
  const where = [...textConditions(q, param), `g.id >= ${param(lower)}`, `g.id < ${param(upper)}`];
  return { text: `SELECT g.id FROM "Generation" g WHERE ${where.join(" AND ")}`, values };
}
