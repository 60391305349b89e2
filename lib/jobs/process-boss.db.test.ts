import { afterAll, expect, test } from "vitest";
import { processBoss, stopProcessBoss } from "./process-boss";

afterAll(() => stopProcessBoss());

test("every caller in a process gets the same pg-boss until it is stopped", async () => {
  const [first, second] = await Promise.all([processBoss(), processBoss()]);
  expect(second).toBe(first);
  expect(await processBoss()).toBe(first);

  await stopProcessBoss();
  const next = await processBoss();
  expect(next).not.toBe(first);
});

test("a worker cannot take over a pg-boss started for sending only", async () => {
  await processBoss();
  expect(() => processBoss({ supervise: true })).toThrow(/started for sending only/);
});

test("a start that fails is not kept, so the next call tries again", async () => {
  await stopProcessBoss();
  await expect(processBoss({ databaseUrl: "postgres://nobody:wrong@127.0.0.1:1/none" })).rejects.toThrow();
  const boss = await processBoss();
  expect(await boss.getQueue("system-ping")).toMatchObject({ name: "system-ping" });
});
