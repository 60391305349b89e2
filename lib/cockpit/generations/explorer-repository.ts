import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { unprocessable } from "@/lib/errors/domain-error";
import type { ExplorerQuery } from "./explorer-filters";
import { parseSearch } from "./search-phrases";
import {
  type ExplorerPlan,
  explorerCountSql,
  explorerEstimateSql,
  explorerSql,
  type SqlQuery,
  searchCandidatesSql,
  textMatchSql,
} from "./explorer-sql";

interface GenerationRow {
  id: number;
  cycleId: number;
  cycleIndex: number;
  runId: number;
  runName: string;
  datasetId: number;
  datasetName: string;
  mode: string;
  sampleIndex: number;
  model: string;
  simulated: boolean;
  snippet: string;
  /** With a search: the matching fragments, terms between << and >>. */
  headline: string | null;
  question: string;
  labelTypes: string[];
  passed: boolean | null;
  score: number | null;
  audits: number;
  hallucinated: number;
  labelMissing: number;
  createdAt: string;
}

export interface GenerationPage {
  rows: GenerationRow[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: number | null;
}

interface RawRow extends Omit<GenerationRow, "labelTypes" | "createdAt"> {
  targets: unknown;
  createdAt: Date;
}

/** The first id window a search looks in, and how much each next window grows. */
const FIRST_WINDOW = 4096;
const WINDOW_GROWTH = 16;
/** Windows looked through before the rest is collected at once. */
const WINDOWS = 2;

/**
 * Up to this many estimated matches, a page collects every match and sorts (cost follows the
 * matches); beyond, it walks the ids in order (cost follows how far apart matches are).
 */
const COLLECT_UP_TO = 20_000;

/**
 * A search the planner expects to match at most this many answers collects them all from the
 * full-text index. Each costs a visit to its row (10,000 took 170 ms under load), so more common
 * words look through id windows first. The planner's guess for a word it has no statistics for
 * (a rare one) is about 0.2 % of the rows.
 */
const COLLECT_TEXT_UP_TO = 5_000;

/**
 * A search whose words the planner expects in at least this share of answers walks the ids in
 * order computing each answer's tsvector (~0.1 ms a row): the page is full within a few hundred
 * rows, where the full-text index would read millions of postings for its common words.
 */
const DENSE_SEARCH_FROM = 0.05;

/** The longest a page may take: past it the explorer asks to narrow the filters rather than keep someone waiting. */
const LIST_TIMEOUT_MS = 5_000;

/** How long the plan chosen for unindexed filters may look for its page before the other plan runs instead. */
const FIRST_PLAN_BUDGET_MS = 300;

/** How a page is found; "windows": a search, the full-text index asked about growing id windows in turn. */
export type ExplorerStrategy = ExplorerPlan | "windows";

export async function exploreGenerations(query: ExplorerQuery, options: { strategy?: ExplorerStrategy } = {}): Promise<GenerationPage> {
  // Each row such a walk reads from its index matches: a page costs its own rows, no more, and
  // needs neither a plan choice nor a time limit (one round trip: on a busy machine each costs).
  if (query.q === undefined && walkFollowsIndex(query) && (options.strategy ?? "walk") === "walk") {
    return pageOf(query, (await pool().query<RawRow>(explorerSql(query, {}, "walk"))).rows);
  }
  const client = await pool().connect();
  let rows: RawRow[];
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${LIST_TIMEOUT_MS}`);
    const strategy = options.strategy ?? (await chooseStrategy(client, query));
    if (strategy === "windows")
      rows = query.q === undefined ? await run(client, query, "walk") : await searchInWindows(client, { ...query, q: query.q });
    else if (options.strategy !== undefined || query.q !== undefined || walkFollowsIndex(query)) rows = await run(client, query, strategy);
    else rows = await withFallback(client, query, strategy);
  } catch (error) {
    if (isTimeout(error)) {
      throw unprocessable(
        query.q === undefined
          ? "Listing these generations took too long: narrow the filters (a cycle, a dataset, a mode)"
          : "This search took too long: narrow it with a filter (a cycle, a dataset) or a rarer word",
      );
    }
    throw error;
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
  return pageOf(query, rows);
}

function pageOf(query: ExplorerQuery, rows: RawRow[]): GenerationPage {
  const page = rows.slice(0, query.limit);
  return {
    rows: page.map(({ targets, createdAt, ...row }) => ({ ...row, labelTypes: labelTypesOf(targets), createdAt: createdAt.toISOString() })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * The estimate behind the choice can be wrong: matches rarer than expected or bunched at the far
 * end of the ids make a walk long; a filter no index answers (no verdict yet) makes collecting
 * read the whole table. The chosen plan gets a short budget; past it the other one runs.
 */
async function withFallback(client: pg.PoolClient, query: ExplorerQuery, first: ExplorerPlan): Promise<RawRow[]> {
  await client.query(`SAVEPOINT first_plan; SET LOCAL statement_timeout = ${FIRST_PLAN_BUDGET_MS}`);
  try {
    const rows = await run(client, query, first);
    await client.query(`SET LOCAL statement_timeout = ${LIST_TIMEOUT_MS}`);
    return rows;
  } catch (error) {
    if (!isTimeout(error)) throw error;
    await client.query(`ROLLBACK TO SAVEPOINT first_plan; SET LOCAL statement_timeout = ${LIST_TIMEOUT_MS}`);
    return run(client, query, first === "walk" ? "collect" : "walk");
  }
}

async function run(client: pg.PoolClient, query: ExplorerQuery, plan: ExplorerPlan): Promise<RawRow[]> {
  // A walk reads rows in id order: the planner must not trade it for the full-text index's bitmap.
  if (plan === "walk" && query.q !== undefined) await client.query("SET LOCAL enable_bitmapscan = off");
  let window = {};
  if (plan === "walk" && query.runId !== undefined && query.cycleId === undefined) {
    // A run's rows are its cycles' rows: walked cycle by cycle, an older run is not found below every newer one's rows.
    window = { runCycleIds: await runCycles(client, query) };
  }
  return (await client.query<RawRow>(explorerSql(query, window, plan))).rows;
}

/**
 * The two-step plan: the planner's estimate of how many rows match decides between walking the
 * ids in order (many matches: the page fills fast) and collecting the matches first (few: a walk
 * might read the whole table to find them, as it did for a small dataset at the oldest ids).
 * With no filter, or only a cycle and a mode, the walk follows an index that holds exactly the
 * matching rows in id order, so it never skips.
 */
async function chooseStrategy(client: pg.PoolClient, query: ExplorerQuery): Promise<ExplorerStrategy> {
  if (query.q === undefined && walkFollowsIndex(query)) return "walk";
  // The next pages of the same filters (and everyone else's same filters) reuse the choice a while.
  const key = JSON.stringify(FILTER_KEYS.map((name) => query[name] ?? null));
  const known = chosen.get(key);
  if (known && known.until > Date.now()) return known.strategy;
  const strategy = await estimateStrategy(client, query);
  if (chosen.size >= CHOICES_KEPT) chosen.delete(chosen.keys().next().value ?? "");
  chosen.set(key, { strategy, until: Date.now() + CHOICE_TTL_MS });
  return strategy;
}

const chosen = new Map<string, { strategy: ExplorerStrategy; until: number }>();
const CHOICES_KEPT = 500;
const CHOICE_TTL_MS = 60_000;

async function estimateStrategy(client: pg.PoolClient, query: ExplorerQuery): Promise<ExplorerStrategy> {
  const walkIndexed = walkFollowsIndex(query);
  if (query.q === undefined) {
    if (walkIndexed) return "walk";
    return (await estimateRows(client, explorerEstimateSql(query, await runCycles(client, query)))) <= COLLECT_UP_TO ? "collect" : "walk";
  }
  const textMatches = await estimateRows(client, textMatchSql(query.q));
  // A quoted phrase is checked on each row the index returns for its words (to_tsvector again,
  // ~0.04 ms a row), however few rows the planner expects to pass: no collecting all at once.
  if (textMatches <= COLLECT_TEXT_UP_TO && parseSearch(query.q).phrases.length === 0) return "collect";
  if (!walkIndexed && (await estimateRows(client, explorerEstimateSql(query, await runCycles(client, query)))) <= COLLECT_UP_TO)
    return "collect";
  return textMatches >= DENSE_SEARCH_FROM * (await tableEstimate(client)) ? "walk" : "windows";
}

/** Filters a walk cannot follow an index for (a cycle it can, (cycleId, id), and a mode within a cycle, (cycleId, mode, id)). */
const UNINDEXED_WALK_KEYS = ["runId", "datasetId", "verdict", "labelType", "audit"] as const;

const walkFollowsIndex = (query: ExplorerQuery) =>
  UNINDEXED_WALK_KEYS.every((key) => query[key] === undefined) && (query.mode === undefined || query.cycleId !== undefined);

/** The cycles of the query's run, when it names one. */
async function runCycles(client: pg.Pool | pg.PoolClient, query: ExplorerQuery): Promise<number[] | undefined> {
  if (query.runId === undefined) return undefined;
  const { rows } = await client.query<{ id: number }>(`SELECT id FROM "Cycle" WHERE "runId" = $1`, [query.runId]);
  return rows.map((row) => row.id);
}

/** The planner's estimate of the rows a query returns (EXPLAIN: planned, not run). */
async function estimateRows(client: pg.Pool | pg.PoolClient, sql: SqlQuery): Promise<number> {
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    `EXPLAIN (FORMAT JSON) ${sql.text}`,
    sql.values,
  );
  return rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
}

async function tableEstimate(client: pg.PoolClient | pg.Pool): Promise<number> {
  const { rows } = await client.query<{ estimate: number }>(
    `SELECT reltuples::float8 AS estimate FROM pg_class WHERE oid = '"Generation"'::regclass`,
  );
  return rows[0]?.estimate ?? -1;
}

/**
 * Full-text search in the chosen order, in growing windows of ids past the cursor, for words
 * neither rare (collected at once) nor common (walked): in each window the GIN index, ANDed with
 * the id range, finds the matching ids first — forced, because for "newest first" PostgreSQL may
 * instead walk the id index backwards computing to_tsvector row by row — and the page is then
 * built from those ids with the other filters. A window's cost follows the matches in it, plus
 * its id range read from the primary key: after the first windows (which fill most pages), what
 * is left is collected from the full-text index at once, rather than ANDed with a range of
 * millions of ids (a search whose other filters matched none of its answers took 4 s that way).
 */
async function searchInWindows(client: pg.PoolClient, query: ExplorerQuery & { q: string }): Promise<RawRow[]> {
  const bounds = await client.query<{ min: number | null; max: number | null }>(`SELECT min(id) AS min, max(id) AS max FROM "Generation"`);
  const { min, max } = bounds.rows[0] ?? { min: null, max: null };
  if (min === null || max === null) return [];
  const found: RawRow[] = [];
  const oldestFirst = query.sort === "oldest";
  // The ids still to look through: [low, high).
  let low = oldestFirst ? Math.max(min, (query.cursor ?? min - 1) + 1) : min;
  let high = oldestFirst ? max + 1 : Math.min(query.cursor ?? max + 1, max + 1);
  let width = FIRST_WINDOW;
  for (let windows = 0; found.length <= query.limit && high > low; windows += 1) {
    if (windows === WINDOWS) {
      const rest = { lowerBound: low, upperBound: high, fetch: query.limit + 1 - found.length };
      found.push(...(await client.query<RawRow>(explorerSql({ ...query, cursor: undefined }, rest, "collect"))).rows);
      break;
    }
    const lower = oldestFirst ? low : Math.max(low, high - width);
    const upper = oldestFirst ? Math.min(high, low + width) : high;
    const candidateIds = await matchingIds(client, query.q, lower, upper);
    if (candidateIds.length > 0) {
      const { rows } = await client.query<RawRow>(
        explorerSql(
          { ...query, cursor: undefined },
          { lowerBound: lower, upperBound: upper, fetch: query.limit + 1 - found.length, candidateIds },
        ),
      );
      found.push(...rows);
    }
    if (oldestFirst) low = upper;
    else high = lower;
    width *= WINDOW_GROWTH;
  }
  return found;
}

/** The longest a count may take: past it the explorer gives the planner's estimate rather than keep a connection busy. */
const COUNT_TIMEOUT_MS = 1_000;

/**
 * From this many generations on, the total is PostgreSQL's estimate: with no filter, the table's
 * (pg_class.reltuples, kept by ANALYZE and autovacuum: counting 10 million rows exactly took over
 * 5 s); with filters or a search, the planner's estimate of the rows they match (counting millions
 * of matches exactly took as long, for a number the explorer shows as "about" anyway).
 */
const ESTIMATE_UNFILTERED_FROM = 1_000_000;
const ESTIMATE_FILTERED_FROM = 20_000;
/**
 * A search's estimate is only good for words common enough to be in the full-text statistics;
 * for any other word the planner guesses about 0.2 % of the rows (22,000 of 10 million, for a
 * word in 10,000 answers or in none). Below this, a search is counted, and only if counting
 * takes too long does the explorer show the estimate.
 */
const ESTIMATE_SEARCH_FROM = 200_000;

const FILTER_KEYS = ["cycleId", "runId", "datasetId", "mode", "verdict", "labelType", "audit", "q"] as const;

/**
 * How many generations match (all pages together). `estimated`: the total is the planner's
 * estimate (rounded to two significant digits), shown as "about N": many rows, or counting took
 * too long.
 */
export async function countGenerations(
  query: ExplorerQuery,
  options: { estimateFrom?: number } = {},
): Promise<{ total: number | null; estimated: boolean }> {
  if (FILTER_KEYS.every((key) => query[key] === undefined)) {
    const estimate = await tableEstimate(pool());
    if (estimate >= (options.estimateFrom ?? ESTIMATE_UNFILTERED_FROM)) return { total: Math.round(estimate), estimated: true };
    return exactCount(query, null);
  }
  const estimate = await estimateRows(pool(), explorerEstimateSql(query, await runCycles(pool(), query)));
  const estimateFrom = options.estimateFrom ?? (query.q === undefined ? ESTIMATE_FILTERED_FROM : ESTIMATE_SEARCH_FROM);
  if (estimate >= estimateFrom) return { total: roughly(estimate), estimated: true };
  return exactCount(query, estimate);
}

/** Two significant digits: an estimate should not look exact. */
function roughly(estimate: number): number {
  if (estimate < 100) return Math.round(estimate);
  const unit = 10 ** (Math.floor(Math.log10(estimate)) - 1);
  return Math.round(estimate / unit) * unit;
}

async function exactCount(query: ExplorerQuery, estimate: number | null): Promise<{ total: number | null; estimated: boolean }> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
    const { rows } = await client.query<{ total: number }>(explorerCountSql(query));
    return { total: rows[0]?.total ?? 0, estimated: false };
  } catch (error) {
    if (isTimeout(error)) return estimate === null ? { total: null, estimated: false } : { total: roughly(estimate), estimated: true };
    throw error;
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

/** 57014: query_canceled, which is what statement_timeout raises. */
const isTimeout = (error: unknown) => (error as { code?: string }).code === "57014";

async function matchingIds(client: pg.PoolClient, q: string, lower: number, upper: number): Promise<number[]> {
  await client.query("SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off");
  try {
    const { rows } = await client.query<{ id: number }>(searchCandidatesSql(q, lower, upper));
    return rows.map((row) => row.id);
  } finally {
    await client.query("SET LOCAL enable_indexscan = on; SET LOCAL enable_seqscan = on");
  }
}

function labelTypesOf(targets: unknown): string[] {
  if (!Array.isArray(targets)) return [];
  const types = targets.map((target: unknown) =>
    typeof target === "object" && target !== null ? (target as { labelType?: unknown }).labelType : undefined,
  );
  return [...new Set(types.filter((type): type is string => typeof type === "string"))];
}
