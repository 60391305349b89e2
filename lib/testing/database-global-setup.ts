import type { TestProject } from "vitest/node";
import { createThrowawayDatabase } from "@/lib/db/throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL: a throwaway database, migrated from
 * prisma/migrations, on TEST_DATABASE_URL's server or on an embedded server of their own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createThrowawayDatabase("vstar_test");
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
