import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { dataDir } from "@/lib/config/paths";
import { poolConfigFromUrl, withDatabase } from "@/lib/db/connection-config";
import { startLocalPostgres, type LocalPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const TEST_PG_PORT = Number(process.env.TEST_PG_PORT ?? 54339);

/**
 * Integration tests run against a real PostgreSQL: a throwaway database, migrated from
 * prisma/migrations, on TEST_DATABASE_URL's server or on an embedded server of their own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: LocalPostgres | undefined;
  const serverUrl =
    process.env.TEST_DATABASE_URL ??
    (server = await startLocalPostgres({
      dir: path.join(dataDir(), "test-postgres"),
      port: TEST_PG_PORT,
      database: "postgres",
    })).url;

  const database = `vstar_test_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${database}"`);
  const databaseUrl = withDatabase(serverUrl, database);
  await applyMigrations(databaseUrl);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await server?.stop();
  };
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
