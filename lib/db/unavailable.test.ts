import { expect, test } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

test("a server that is gone, restarting or full is unavailable, as pg, pg-pool and Prisma's adapter say it", () => {
  const said = [
    withCode("connect ECONNREFUSED 127.0.0.1:54329", "ECONNREFUSED"),
    new Error("Connection terminated unexpectedly"),
    new Error("Client has encountered a connection error and is not queryable"),
    withCode("terminating connection due to administrator command", "57P01"),
    withCode("the database system is starting up", "57P03"),
    withCode("sorry, too many clients already", "53300"),
    new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], ""),
    Object.assign(new Error("Can't reach database server"), { code: "P1001" }),
    // Prisma's known-request error wrapping the adapter's.
    Object.assign(new Error("Server has closed the connection."), {
      code: "P2010",
      meta: { driverAdapterError: { kind: "ConnectionClosed" } },
    }),
    new Error("query failed", { cause: new Error("Connection terminated unexpectedly") }),
  ];
  for (const error of said) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
});

test("errors of the data or the code are not", () => {
  const said = [
    withCode('duplicate key value violates unique constraint "Generation_pkey"', "23505"),
    withCode('relation "nothing" does not exist', "42P01"),
    new Error("no verified answers to train on"),
    Object.assign(new Error("Unique constraint failed"), { code: "P2002" }),
    "a string",
    null,
  ];
  for (const error of said) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
});
