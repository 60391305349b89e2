import { afterAll } from "vitest";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

/** Closes this test file's database connections when it ends (files run one after another). */
export function closeConnectionsAfterAll(): void {
  afterAll(async () => {
    await disconnectPrisma();
    await closePool();
  });
}
