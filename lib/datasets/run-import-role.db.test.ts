import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolConfigFromUrl } from "@/lib/db/connection-config";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { generateKineticsCsv } from "./kinetics/generate";
import { requestImport } from "./request-import";
import { runImport } from "./run-import";
import { makeTempDir, removeTempDir } from "./testing/collect";

// Imports as a managed PostgreSQL would let them run: a role that is no superuser and holds only
// the privileges an application is given (tables, sequences, temporary tables).
const adminUrl = process.env.DATABASE_URL ?? "";
const role = `vstar_importer_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");
let dir: string;

async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client(poolConfigFromUrl(adminUrl));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function switchDatabaseUrl(url: string): Promise<void> {
  await closePool();
  await disconnectPrisma();
  process.env.DATABASE_URL = url;
}

beforeAll(async () => {
  dir = await makeTempDir("import-role");
  const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
  await asAdmin(`
    CREATE ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}';
    GRANT CONNECT, TEMPORARY ON DATABASE "${database}" TO "${role}";
    GRANT USAGE ON SCHEMA public TO "${role}";
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${role}";
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "${role}";
  `);
  const url = new URL(adminUrl);
  url.username = role;
  url.password = password;
  await switchDatabaseUrl(url.toString());
});

afterAll(async () => {
  await switchDatabaseUrl(adminUrl);
  await asAdmin(`DROP OWNED BY "${role}"; DROP ROLE "${role}";`);
  await closePool();
  await removeTempDir(dir);
});

describe("runImport as an ordinary role", () => {
  it("imports, re-imports and rejects with no superuser privilege", async () => {
    const { rows } = await pool().query<{ superuser: boolean; user: string }>(
      `SELECT rolsuper AS superuser, current_user AS user FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ superuser: false, user: role });

    const file = path.join(dir, "clips.csv");
    await generateKineticsCsv(file, 12_000, 23);
    const options = { datasetName: `role import ${role}`, format: "kinetics" as const, file, checkMedia: false };
    const first = await runImport((await requestImport(options, { userId: null })).id);
    expect(first.status).toBe("SUCCEEDED");
    expect(first.counts).toMatchObject({ videosCreated: 12_000, labelsCreated: 12_000, questionsCreated: 12_000 });

    const again = await runImport((await requestImport(options, { userId: null })).id);
    expect(again.counts).toEqual({
      videosCreated: 0,
      videosUpdated: 0,
      labelsCreated: 0,
      labelsUpdated: 0,
      questionsCreated: 0,
      questionsUpdated: 0,
    });

    const bad = path.join(dir, "bad.csv");
    await generateKineticsCsv(bad, 11_000, 29);
    const { appendFile } = await import("node:fs/promises");
    await appendFile(bad, "eating cake,abcdefghijk,oops,10,train\n");
    const rejected = await runImport(
      (await requestImport({ ...options, datasetName: `role rejected ${role}`, file: bad }, { userId: null })).id,
    );
    expect(rejected).toMatchObject({ status: "REJECTED", datasetId: null, errorCount: 1 });
    const { rows: left } = await pool().query<{ datasets: number }>(`SELECT count(*)::int AS datasets FROM "Dataset" WHERE name = $1`, [
      `role rejected ${role}`,
    ]);
    expect(left[0]?.datasets).toBe(0);
  });
});
