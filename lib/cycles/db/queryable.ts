import type pg from "pg";
import { pool } from "@/lib/db/pool";

/** A pool or a checked-out client: anything that runs a parameterised query. */
export type Queryable = Pick<pg.Pool, "query">;

export function db(): Queryable {
  return pool();
}
