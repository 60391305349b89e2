import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { dataDir } from "@/lib/config/paths";
import { poolConfigFromUrl, withDatabase } from "./connection-config";
import { type LocalPostgres, startLocalPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations";

export interface ThrowawayDatabase {
  /** The migrated database's URL. */
  url: string;
  /** Whether its server is the embedded one this module started (so its processes are on this machine). */
  embedded: boolean;
  /** Drops the database and stops the server if this module started it. */
  drop(): Promise<void>;
}

/**
 * A fresh database, migrated from prisma/migrations, for tests and benchmarks: on
 * TEST_DATABASE_URL's server, or on an embedded server under `.data/test-postgres` (port
 * TEST_PG_PORT, default 54339) that it starts and later stops.
 */
export async function createThrowawayDatabase(prefix: string): Promise<ThrowawayDatabase> {
  const server = process.env.TEST_DATABASE_URL ? undefined : await startTestServer();
  const serverUrl = process.env.TEST_DATABASE_URL ?? (server as LocalPostgres).url;
  const database = `${prefix}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${database}"`);
  const url = withDatabase(serverUrl, database);
  try {
    await applyMigrations(url);
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await server?.stop();
    throw error;
  }
  return {
    url,
    embedded: server !== undefined,
    async drop() {
      try {
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await server?.stop();
      }
    },
  };
}

function startTestServer(): Promise<LocalPostgres> {
  return startLocalPostgres({
    dir: path.join(dataDir(), "test-postgres"),
    port: Number(process.env.TEST_PG_PORT ?? 54339),
    database: "postgres",
  });
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(withDatabase(serverUrl, "postgres")));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
