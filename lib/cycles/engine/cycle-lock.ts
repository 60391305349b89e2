import { pool } from "@/lib/db/pool";

/** Advisory-lock namespace of the cycle engine (first key of pg_try_advisory_lock(int, int)). */
const LOCK_SPACE = 0x7653;

/**
 * Runs `work` while holding the cycle's advisory lock, so only one engine step moves a cycle at a
 * time; returns undefined at once when another holds it. A crashed holder's lock goes with its
 * connection.
 */
export async function withCycleLock<T>(cycleId: number, work: () => Promise<T>): Promise<T | undefined> {
  const client = await pool().connect();
  let locked = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [LOCK_SPACE, cycleId]);
    locked = rows[0]?.locked === true;
    if (!locked) return undefined;
    return await work();
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_SPACE, cycleId]).catch(() => {});
    client.release();
  }
}
