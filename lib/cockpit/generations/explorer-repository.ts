import type pg from "pg";
import { pool } from "@/lib/db/pool";
import type { ExplorerQuery } from "./explorer-filters";
import { explorerCountSql, explorerSql, searchCandidatesSql } from "./explorer-sql";

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

export async function exploreGenerations(query: ExplorerQuery): Promise<GenerationPage> {
  const rows =
    query.q === undefined ? (await pool().query<RawRow>(explorerSql(query))).rows : await searchInWindows({ ...query, q: query.q });
  const page = rows.slice(0, query.limit);
  return {
    rows: page.map(({ targets, createdAt, ...row }) => ({ ...row, labelTypes: labelTypesOf(targets), createdAt: createdAt.toISOString() })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * Full-text search in the chosen order, in growing windows of ids past the cursor. In each window
 * the GIN index (ANDed with the id range and the cycle/mode index) finds the matching ids first —
 * forced, because for "newest first" PostgreSQL may instead walk the id index backwards computing
 * to_tsvector row by row, which reads the whole table when few rows match — and the page is then
 * built from those ids with ordinary plans. A window's cost follows the matches in it, so a common
 * word stops in the first window and a rare one skips through the rest quickly.
 */
async function searchInWindows(query: ExplorerQuery & { q: string }): Promise<RawRow[]> {
  const client = await pool().connect();
  try {
    const bounds = await client.query<{ min: number | null; max: number | null }>(
      `SELECT min(id) AS min, max(id) AS max FROM "Generation"`,
    );
    const { min, max } = bounds.rows[0] ?? { min: null, max: null };
    if (min === null || max === null) return [];
    await client.query("BEGIN READ ONLY");
    const found: RawRow[] = [];
    const oldestFirst = query.sort === "oldest";
    // The ids still to look through: [low, high).
    let low = oldestFirst ? Math.max(min, (query.cursor ?? min - 1) + 1) : min;
    let high = oldestFirst ? max + 1 : Math.min(query.cursor ?? max + 1, max + 1);
    let width = FIRST_WINDOW;
    while (found.length <= query.limit && high > low) {
      const lower = oldestFirst ? low : Math.max(low, high - width);
      const upper = oldestFirst ? Math.min(high, low + width) : high;
      const candidateIds = await matchingIds(client, query, lower, upper);
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
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

/** The longest a count may take: past it the explorer says "many" rather than keep a connection busy. */
const COUNT_TIMEOUT_MS = 5_000;

/**
 * With no filter and no search, from this many generations on the total is PostgreSQL's estimate
 * (pg_class.reltuples, kept by ANALYZE and autovacuum): counting 10 million rows exactly took over
 * 5 s of database time on every explorer visit, only to answer "too many to count".
 */
const ESTIMATE_UNFILTERED_FROM = 1_000_000;

const FILTER_KEYS = ["cycleId", "runId", "datasetId", "mode", "verdict", "labelType", "audit", "q"] as const;

/**
 * How many generations match (all pages together); null when counting took too long. `estimated`:
 * the total is the planner's estimate of the whole table (no filter, a large table).
 */
export async function countGenerations(
  query: ExplorerQuery,
  options: { estimateFrom?: number } = {},
): Promise<{ total: number | null; estimated: boolean }> {
  if (FILTER_KEYS.every((key) => query[key] === undefined)) {
    const { rows } = await pool().query<{ estimate: number }>(
      `SELECT reltuples::float8 AS estimate FROM pg_class WHERE oid = '"Generation"'::regclass`,
    );
    const estimate = rows[0]?.estimate ?? -1;
    if (estimate >= (options.estimateFrom ?? ESTIMATE_UNFILTERED_FROM)) return { total: Math.round(estimate), estimated: true };
  }
  return { total: await exactCount(query), estimated: false };
}

async function exactCount(query: ExplorerQuery): Promise<number | null> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
    const { rows } = await client.query<{ total: number }>(explorerCountSql(query));
    return rows[0]?.total ?? 0;
  } catch (error) {
    // 57014: query_canceled, which is what statement_timeout raises.
    if ((error as { code?: string }).code === "57014") return null;
    throw error;
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

async function matchingIds(client: pg.PoolClient, query: ExplorerQuery & { q: string }, lower: number, upper: number): Promise<number[]> {
  await client.query("SET LOCAL enable_indexscan = off");
  await client.query("SET LOCAL enable_seqscan = off");
  try {
    const { rows } = await client.query<{ id: number }>(searchCandidatesSql(query, lower, upper));
    return rows.map((row) => row.id);
  } finally {
    await client.query("SET LOCAL enable_indexscan = on");
    await client.query("SET LOCAL enable_seqscan = on");
  }
}

function labelTypesOf(targets: unknown): string[] {
  if (!Array.isArray(targets)) return [];
  const types = targets.map((target: unknown) =>
    typeof target === "object" && target !== null ? (target as { labelType?: unknown }).labelType : undefined,
  );
  return [...new Set(types.filter((type): type is string => typeof type === "string"))];
}
