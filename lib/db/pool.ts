import pg from "pg";
import { poolConfigFromUrl } from "./connection-config";
import { requireDatabaseUrl } from "./database-url";

const cache = globalThis as unknown as { vstarPool?: pg.Pool };

/** Raw `pg` pool for the hot paths (bulk inserts with unnest or COPY); Prisma serves the rest. */
export function pool(): pg.Pool {
  if (!cache.vstarPool) {
    const created = new pg.Pool({ ...poolConfigFromUrl(requireDatabaseUrl()), max: Number(process.env.DB_POOL_MAX ?? 10) });
    // An idle client losing its server (restart, shutdown) must not crash the process.
    created.on("error", (error) => console.error(`[db] idle client error: ${error.message}`));
    // Nor one checked out (a transaction, an advisory lock held across statements): pg-pool listens
    // only to idle clients, and pg emits the loss as an 'error' event besides failing the query in
    // flight. The query's caller sees the error; the pool drops the client when it is released.
    created.on("connect", (client) => client.on("error", () => {}));
    cache.vstarPool = created;
  }
  return cache.vstarPool;
}

export async function closePool(): Promise<void> {
  await cache.vstarPool?.end();
  cache.vstarPool = undefined;
}
