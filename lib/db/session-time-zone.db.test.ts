import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { poolConfigFromUrl } from "./connection-config";
import { requireDatabaseUrl } from "./database-url";
import { disconnectPrisma, prisma } from "./prisma";

const url = requireDatabaseUrl();
const database = poolConfigFromUrl(url).database as string;

async function onFreshConnection<T>(query: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfigFromUrl(url));
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await onFreshConnection((client) => client.query(`ALTER DATABASE "${database}" RESET timezone`));
  await disconnectPrisma();
});

test("sessions run in UTC even when the database's own TimeZone is elsewhere", async () => {
  await onFreshConnection((client) => client.query(`ALTER DATABASE "${database}" SET timezone = 'Pacific/Kiritimati'`));

  const raw = await onFreshConnection(async (client) => {
    const { rows } = await client.query<{ zone: string; skewSeconds: number }>(
      `SELECT current_setting('TimeZone') AS zone,
              abs(extract(epoch FROM now()::timestamp(3)) - extract(epoch FROM now()))::float8 AS "skewSeconds"`,
    );
    return rows[0];
  });
  expect(raw?.zone).toBe("UTC");
  // A timestamp column's now() default, read back as UTC, is now (not 14 hours ahead).
  expect(raw?.skewSeconds).toBeLessThan(1);

  await disconnectPrisma();
  const [viaPrisma] = await prisma().$queryRaw<Array<{ zone: string }>>`SELECT current_setting('TimeZone') AS zone`;
  expect(viaPrisma?.zone).toBe("UTC");
});
