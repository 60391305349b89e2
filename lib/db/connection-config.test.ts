import { describe, expect, test } from "vitest";
import { poolConfigFromUrl, withDatabase } from "./connection-config";

describe("poolConfigFromUrl", () => {
  test("splits a URL into pg settings, decoding credentials", () => {
    expect(poolConfigFromUrl("postgresql://me:p%40ss@db.example:6543/vstar")).toMatchObject({
      host: "db.example",
      port: 6543,
      user: "me",
      password: "p@ss",
      database: "vstar",
      ssl: undefined,
    });
  });

  test("turns sslmode into an ssl setting", () => {
    expect(poolConfigFromUrl("postgres://u@h/d?sslmode=require").ssl).toEqual({ rejectUnauthorized: false });
  });

  test("names what is wrong with a bad URL", () => {
    expect(() => poolConfigFromUrl("mysql://u@h/d")).toThrow(/postgres:\/\//);
    expect(() => poolConfigFromUrl("postgres://u@h/")).toThrow(/names no database/);
  });
});

test("withDatabase swaps only the database", () => {
  expect(withDatabase("postgresql://u:p@h:1/a?sslmode=disable", "b")).toBe("postgresql://u:p@h:1/b?sslmode=disable");
});
