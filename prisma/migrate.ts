// npm run db:migrate — applies prisma/migrations to the product's database (embedded or DATABASE_URL).
import { openDatabaseServer } from "@/lib/db/database-server";
import { applyMigrations } from "@/lib/db/migrations";

const server = await openDatabaseServer();
try {
  const applied = await applyMigrations(server.url);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await server.close();
}
// The schema engine leaves its 10 s migration-lock timer pending; nothing else is left to do.
process.exit(0);
