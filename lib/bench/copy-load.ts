import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

type Field = string | number | boolean | null;

/** One value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
function copyField(value: Field): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!)
    : value;
}

export interface LoadFigure {
  table: string;
  rows: number;
  seconds: number;
}

/**
 * Streams `count` rows, `row(i)` each, into `table` with COPY FROM STDIN (text format), in chunks
 * of a few thousand lines so neither side holds the whole table.
 */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  count: number,
  row: (i: number) => readonly Field[],
  progress?: (written: number) => void,
): Promise<LoadFigure> {
  const started = performance.now();
  const chunk = 5_000;
  function* lines(): Generator<string> {
    for (let from = 0; from < count; from += chunk) {
      let text = "";
      const to = Math.min(count, from + chunk);
      for (let i = from; i < to; i += 1) text += `${row(i).map(copyField).join("\t")}\n`;
      if (progress && from % 200_000 === 0) progress(from);
      yield text;
    }
  }
  const sink = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(lines()), sink);
  return { table, rows: count, seconds: (performance.now() - started) / 1000 };
}

/** The first free id of a table whose ids the load assigns itself. */
export async function nextId(client: pg.PoolClient, table: string): Promise<number> {
  const { rows } = await client.query<{ next: number }>(`SELECT coalesce(max(id), 0)::int + 1 AS next FROM "${table}"`);
  return rows[0]!.next;
}

/** Moves the id sequence past the ids the load wrote. */
export async function syncSequence(client: pg.PoolClient, table: string): Promise<void> {
  await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
}

/**
 * Drops the secondary indexes of `tables` (primary keys stay: ids are written in ascending order,
 * so the key index only grows at its right edge), runs `load`, then builds them again with a large
 * maintenance_work_mem, timing each build.
 */
export async function withSecondaryIndexesDropped<T>(
  client: pg.PoolClient,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<{ result: T; builds: LoadFigure[] }> {
  const { rows: indexes } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.relname AS "table", i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[]) AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
    [tables],
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  const result = await load();
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query("SET max_parallel_maintenance_workers = 2");
  const builds: LoadFigure[] = [];
  for (const index of indexes) {
    const started = performance.now();
    await client.query(index.definition);
    const seconds = (performance.now() - started) / 1000;
    builds.push({ table: `${index.table} index ${index.name}`, rows: 0, seconds });
    console.log(`  index ${index.name}: ${seconds.toFixed(1)} s`);
  }
  return { result, builds };
}
