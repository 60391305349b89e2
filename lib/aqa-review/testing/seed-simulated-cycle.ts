// Seeds a simulated two-cycle run over the FineDiving AQA questions of a database (for the e2e test
// and for trying the AQA review before the cycle engine has run). Prints the seeded ids as JSON.
//   DATABASE_URL=postgresql://… tsx lib/aqa-review/testing/seed-simulated-cycle.ts
// Without DATABASE_URL it joins the product's embedded PostgreSQL (VSTAR_DATA_DIR, EMBEDDED_PG_PORT).
import { openDatabaseServer } from "@/lib/db/database-server";
import { closePool, pool } from "@/lib/db/pool";
import { seedSimulatedAqaRun } from "./simulated-cycle";

const server = process.env.DATABASE_URL ? null : await openDatabaseServer();
if (server) process.env.DATABASE_URL = server.url;
try {
  const result = await seedSimulatedAqaRun(pool());
  console.log(JSON.stringify(result));
} finally {
  await closePool();
  await server?.close();
}
