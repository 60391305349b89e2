import { describe, expect, expectTypeOf, it } from "vitest";
import { json } from "./json";
import { toWire, type Wire } from "./wire";

describe("Wire", () => {
  it("keeps JSON's own values as they are", () => {
    expectTypeOf<Wire<string>>().toEqualTypeOf<string>();
    expectTypeOf<Wire<"QUEUED" | "RUNNING">>().toEqualTypeOf<"QUEUED" | "RUNNING">();
    expectTypeOf<Wire<number | null>>().toEqualTypeOf<number | null>();
    expectTypeOf<Wire<boolean>>().toEqualTypeOf<boolean>();
    expectTypeOf<Wire<unknown>>().toEqualTypeOf<unknown>();
  });

  it("turns a Date into a string and a bigint into a number or a string", () => {
    expectTypeOf<Wire<Date>>().toEqualTypeOf<string>();
    expectTypeOf<Wire<Date | null>>().toEqualTypeOf<string | null>();
    expectTypeOf<Wire<bigint>>().toEqualTypeOf<number | string>();
  });

  it("follows toJSON for other classes (a Decimal is sent as its string)", () => {
    class Decimal {
      constructor(private readonly digits: string) {}
      toJSON(): string {
        return this.digits;
      }
    }
    expectTypeOf<Wire<{ price: Decimal }>>().toEqualTypeOf<{ price: string }>();
  });

  it("drops keys that hold undefined, functions or symbols, and makes a key that may hold undefined optional", () => {
    type Server = {
      id: number;
      note: string | undefined;
      label?: string;
      gone: undefined;
      describe: () => string;
      tag: symbol;
      [Symbol.iterator]: number;
    };
    expectTypeOf<Wire<Server>>().toEqualTypeOf<{ id: number; note?: string; label?: string }>();
  });

  it("drops a class's methods and keeps its fields", () => {
    class Point {
      constructor(
        readonly x: number,
        readonly at: Date,
      ) {}
      length(): number {
        return Math.abs(this.x);
      }
    }
    expectTypeOf<Wire<Point>>().toEqualTypeOf<{ x: number; at: string }>();
  });

  it("recurses through arrays, tuples, nested objects and index signatures", () => {
    type Server = {
      runs: readonly { startedAt: Date; cycles: { finishedAt: Date | null }[] }[];
      span: [Date, number];
      counts: Record<string, bigint>;
    };
    expectTypeOf<Wire<Server>>().toEqualTypeOf<{
      runs: { startedAt: string; cycles: { finishedAt: string | null }[] }[];
      span: [string, number];
      counts: Record<string, number | string>;
    }>();
  });

  it("reads recursive JSON types such as Prisma's JsonValue (an interface extending Array)", () => {
    interface JsonArray extends Array<JsonValue> {}
    type JsonValue = string | number | boolean | null | JsonArray | { [key: string]: JsonValue | undefined };
    expectTypeOf<{ config: { steps: [1, "a", { done: null }] } }>().toExtend<Wire<{ config: JsonValue }>>();
    expectTypeOf<Wire<JsonArray>>().toEqualTypeOf<Wire<JsonValue>[]>();
  });

  it("writes null for undefined and functions inside arrays, and an empty object for a Map or a Set", () => {
    expectTypeOf<Wire<(number | undefined)[]>>().toEqualTypeOf<(number | null)[]>();
    expectTypeOf<Wire<[() => void, string]>>().toEqualTypeOf<[null, string]>();
    expectTypeOf<Wire<{ byId: Map<number, string> }>>().toEqualTypeOf<{ byId: Record<string, never> }>();
  });

  it("describes what json() actually sends", async () => {
    const server = {
      id: 7,
      createdAt: new Date("2024-05-01T12:00:00.000Z"),
      finishedAt: null as Date | null,
      rows: 3n,
      huge: 2n ** 64n,
      note: undefined as string | undefined,
      steps: [new Date("2024-05-02T00:00:00.000Z"), undefined],
    };
    const received = (await json(server).json()) as Wire<typeof server>;
    const expected: Wire<typeof server> = {
      id: 7,
      createdAt: "2024-05-01T12:00:00.000Z",
      finishedAt: null,
      rows: 3,
      huge: "18446744073709551616",
      steps: ["2024-05-02T00:00:00.000Z", null],
    };
    expect(received).toEqual(expected);
    expect("note" in received).toBe(false);
  });
});

describe("toWire", () => {
  it("gives what a client of the API would parse", () => {
    const server = { at: new Date("2024-05-01T12:00:00.000Z"), size: 10n, skip: undefined };
    const wire = toWire(server);
    expectTypeOf(wire).toEqualTypeOf<{ at: string; size: number | string }>();
    expect(wire).toEqual({ at: "2024-05-01T12:00:00.000Z", size: 10 });
  });
});
