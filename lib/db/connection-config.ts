import type { PoolConfig } from "pg";

/**
 * Splits a postgres URL into discrete pg settings. The Prisma pg adapter creates shadow databases
 * by overriding `database` in this config, which a `connectionString` would silently win over.
 * Every session runs in UTC: the schema's `timestamp` columns hold UTC (Prisma's convention), and
 * their `now()` defaults would otherwise follow the server's or the database's TimeZone.
 */
export function poolConfigFromUrl(url: string): PoolConfig {
  const parsed = new URL(url);
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL, got "${parsed.protocol}"`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL names no database (expected postgresql://user:pass@host:port/dbname)");
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
    options: "-c TimeZone=UTC",
  };
}

/** The same server, another database (for throwaway test databases and admin connections). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
