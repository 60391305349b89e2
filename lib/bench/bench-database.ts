import { openDatabaseServer, type DatabaseServer } from "@/lib/db/database-server";
import { applyMigrations } from "@/lib/db/migrations";

/**
 * The benchmark's database: DATABASE_URL (or TEST_DATABASE_URL) when set, otherwise a database
 * named `vstar_bench` on the embedded server of VSTAR_DATA_DIR (port EMBEDDED_PG_PORT), migrated.
 * Sets DATABASE_URL so lib/db's pool and Prisma use it.
 */
export async function openBenchDatabase(): Promise<DatabaseServer> {
  if (!process.env.DATABASE_URL && process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
  process.env.EMBEDDED_PG_DATABASE ??= "vstar_bench";
  const server = await openDatabaseServer();
  process.env.DATABASE_URL = server.url;
  const applied = await applyMigrations(server.url);
  if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
  return server;
}
