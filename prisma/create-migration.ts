// npm run db:migration -- NAME — writes prisma/migrations/<timestamp>_NAME from the schema's changes.
import { openDatabaseServer } from "@/lib/db/database-server";
import { createMigration } from "@/lib/db/migrations";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- NAME   (letters, digits and _)");
  process.exit(2);
}
const server = await openDatabaseServer();
try {
  const folder = await createMigration(server.url, name);
  console.log(folder ? `Wrote prisma/migrations/${folder}/migration.sql` : "The schema matches the migrations: nothing to write.");
} finally {
  await server.close();
}
// The schema engine leaves its 10 s migration-lock timer pending; nothing else is left to do.
process.exit(0);
