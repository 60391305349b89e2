import type pg from "pg";
import { pool } from "@/lib/db/pool";

/** A pool or a checked-out client: anything that runs a parameterised query. */
export type Queryable = Pick<pg.Pool, "query">;

export function db(): Queryable {
  return pool();
}

/** Runs `work` in one transaction on a pooled client: committed when it returns, rolled back when it throws. */
export async function inPgTransaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let failure: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    // A client whose connection broke is dropped, not handed out again.
    client.release(failure);
  }
}
