import { defineConfig } from "prisma/config";

// The datasource URL is not needed to generate the client; migrations run through
// lib/db/migrations.ts (the WebAssembly schema engine), never through Prisma's native engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
