import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Handler, Reply } from "@/lib/backends/testing/scripted-server";
import { parseOrExplain } from "@/lib/backends/validation";

const fixtureSchema = z.object({
  description: z.string().min(1),
  request: z.object({
    method: z.enum(["GET", "POST", "DELETE"]),
    path: z.string().startsWith("/"),
    headers: z.record(z.string(), z.string()),
    body: z.unknown().optional(),
  }),
  response: z.object({
    status: z.int(),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.unknown(),
  }),
});

export type Fixture = z.infer<typeof fixtureSchema>;

const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** Loads lib/backends/fixtures/<name>.json (e.g. "ray/submit"). */
export function loadFixture(name: string): Fixture {
  const file = `${fixturesDir}${name}.json`;
  return parseOrExplain(fixtureSchema, JSON.parse(readFileSync(file, "utf8")), `fixture ${file}`);
}

function fixtureReply(fixture: Fixture): Reply {
  return { status: fixture.response.status, headers: fixture.response.headers, body: fixture.response.body };
}

/** Answers each fixture's method and path with its recorded response. */
export function replayFixtures(...fixtures: Fixture[]): Handler {
  return (request) => {
    const path = request.path.split("?")[0];
    const match = fixtures.find((f) => f.request.method === request.method && f.request.path === path);
    return match ? fixtureReply(match) : { status: 404, body: `no fixture for ${request.method} ${path}` };
  };
}

/** Values of these keys are protocol discriminators: their literal value is part of the shape. */
const DISCRIMINATOR_KEYS = new Set(["type", "role", "object"]);

/**
 * The structure of a JSON value: object keys, value types, discriminator literals; arrays keep the
 * order of their element shapes with runs of equal shapes collapsed (N image parts = one).
 */
export function shapeOf(value: unknown, key?: string): unknown {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    const shapes = value.map((item) => shapeOf(item));
    return { array: shapes.filter((shape, i) => i === 0 || JSON.stringify(shape) !== JSON.stringify(shapes[i - 1])) };
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, shapeOf(record[k], k)]),
    );
  }
  if (typeof value === "string" && key !== undefined && DISCRIMINATOR_KEYS.has(key)) return `literal:${value}`;
  return typeof value;
}
