import path from "node:path";
import { dataDir } from "@/lib/config/paths";
import { type PostgresProcess, startLocalPostgres } from "./embedded-postgres";

export interface DatabaseServer {
  url: string;
  /** True when this process started the embedded server and must stop it. */
  embedded: boolean;
  /** The embedded server's process, when this process started it (the launcher starts it again if it dies). */
  server: PostgresProcess | null;
  close(): Promise<void>;
}

const DEFAULT_EMBEDDED_PORT = 54329;

/**
 * The database the product runs on: `DATABASE_URL` when set (and then no server is started),
 * otherwise the embedded PostgreSQL under `.data/postgres`, joined if another process runs it.
 */
export async function openDatabaseServer(log: (line: string) => void = () => {}): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, server: null, close: async () => {} };
  const local = await startLocalPostgres({
    dir: path.join(dataDir(), "postgres"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT),
    database: process.env.EMBEDDED_PG_DATABASE ?? "vstar",
    log,
  });
  return { url: local.url, embedded: local.owned, server: local.server, close: local.stop };
}
