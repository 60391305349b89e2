import type pg from "pg";

export interface StatementTime {
  totalMs: number;
  calls: number;
  meanMs: number;
  query: string;
}

/**
 * PostgreSQL's own time per statement, from pg_stat_statements. The server must preload it
 * (`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'` and a restart); without it
 * this says why once and returns null, and the benchmark goes on without statement timings.
 */
export async function openStatementStats(db: pg.Pool): Promise<StatementStats | null> {
  try {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
    await db.query(`SELECT pg_stat_statements_reset()`);
  } catch (error) {
    console.log(`PostgreSQL time per statement: not measured (${(error as Error).message})`);
    return null;
  }
  return {
    reset: async () => {
      await db.query(`SELECT pg_stat_statements_reset()`);
    },
    top: async (limit) => {
      const { rows } = await db.query<StatementTime>(
        `SELECT total_exec_time::float8 AS "totalMs", calls::int, mean_exec_time::float8 AS "meanMs", query FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
          ORDER BY total_exec_time DESC LIMIT $1`,
        [limit],
      );
      return rows;
    },
  };
}

export interface StatementStats {
  /** Forgets what was counted so far: the next `top` covers only what runs after this. */
  reset(): Promise<void>;
  /** The statements that took the most time since the last reset, largest first. */
  top(limit: number): Promise<StatementTime[]>;
}

export function formatStatement(statement: StatementTime, width = 140): string {
  const query = statement.query.replace(/\s+/g, " ").trim();
  return `${statement.totalMs.toFixed(0).padStart(8)} ms ${String(statement.calls).padStart(7)} calls ${statement.meanMs.toFixed(2).padStart(8)} ms/call  ${query.slice(0, width)}`;
}
