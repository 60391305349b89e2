import type { TestProject } from "vitest/node";
import { createThrowawayDatabase } from "@/lib/db/throwaway-database";
import { processBoss, stopProcessBoss } from "@/lib/jobs/process-boss";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL: a throwaway database, migrated from
 * prisma/migrations, on TEST_DATABASE_URL's server or on an embedded server of their own. pg-boss's
 * schema and queues are made there too, as a started product always has them (the cycle engine
 * reads its jobs' states even when a test records the jobs instead of sending them).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createThrowawayDatabase("vstar_test");
  await processBoss({ databaseUrl: database.url });
  await stopProcessBoss();
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
