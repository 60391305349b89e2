import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectRoot } from "@/lib/config/paths";
import { ACCESS, ROLES, type Role } from "@/lib/auth/roles";
import { disconnectPrisma } from "@/lib/db/prisma";
import { sessionCookieFor } from "@/lib/testing/sessions";

// Every route handler under app/api and every server action must declare who may call it, and the
// declaration must hold at run time for every role and for no session. A route without a declared
// policy fails here; a changed policy changes the committed snapshot, so it is seen in review.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const APP_URL = "http://localhost:3000";

function filesUnder(dir: string, accept: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : filesUnder(full, accept);
    return accept(full) ? [full] : [];
  });
}

const routeFiles = filesUnder(path.join(projectRoot, "app", "api"), (file) => /\/route\.tsx?$/.test(file));
const actionFiles = [
  ...filesUnder(path.join(projectRoot, "app"), (f) => /\.tsx?$/.test(f)),
  ...filesUnder(path.join(projectRoot, "components"), (f) => /\.tsx?$/.test(f)),
].filter((file) => /^\s*["']use server["']/m.test(readFileSync(file, "utf8")));

interface Endpoint {
  name: string;
  method: (typeof METHODS)[number];
  url: string;
  params: Record<string, string | string[]>;
  handler: ((request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) & { access?: string };
}

/** `app/api/review/[queueId]/items/[...rest]/route.ts` → a URL and params with placeholder values. */
function concretise(file: string): { url: string; params: Record<string, string | string[]> } {
  const routePath = path
    .relative(path.join(projectRoot, "app"), path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  const params: Record<string, string | string[]> = {};
  const segments = routePath.map((segment) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    if (catchAll?.[1]) {
      params[catchAll[1]] = ["x"];
      return "x";
    }
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if (dynamic?.[1]) {
      params[dynamic[1]] = "1";
      return "1";
    }
    return segment;
  });
  return { url: `${APP_URL}/${segments.join("/")}`, params };
}

let endpoints: Endpoint[] = [];
const cookies = new Map<Role, string>();

beforeAll(async () => {
  for (const file of routeFiles) {
    const module = (await import(file)) as Record<string, Endpoint["handler"] | undefined>;
    const { url, params } = concretise(file);
    for (const method of METHODS) {
      const handler = module[method];
      if (handler) endpoints.push({ name: `${method} ${url.replace(APP_URL, "")}`, method, url, params, handler });
    }
  }
  endpoints = endpoints.sort((a, b) => a.name.localeCompare(b.name));
  for (const role of ROLES) cookies.set(role, await sessionCookieFor(role));
}, 120_000);

afterAll(() => disconnectPrisma());

function call(endpoint: Endpoint, cookie: string | null): Promise<Response> {
  const headers = new Headers({ origin: APP_URL, "content-type": "application/json" });
  if (cookie) headers.set("cookie", cookie);
  const hasBody = endpoint.method !== "GET";
  const request = new Request(endpoint.url, { method: endpoint.method, headers, body: hasBody ? "{}" : undefined });
  return endpoint.handler(request, { params: Promise.resolve(endpoint.params) });
}

test("the discovery finds the route handlers", () => {
  expect(endpoints.map((e) => e.name)).toContain("GET /api/admin/users");
});

test("every route handler declares its access, and the declarations are the reviewed ones", () => {
  const undeclared = endpoints.filter((endpoint) => !endpoint.handler.access).map((endpoint) => endpoint.name);
  expect(undeclared, "route handlers without a declared access policy (wrap them in route() or publicRoute())").toEqual([]);
  expect(Object.fromEntries(endpoints.map((endpoint) => [endpoint.name, endpoint.handler.access]))).toMatchSnapshot();
});

test("every server action declares its access", async () => {
  const undeclared: string[] = [];
  for (const file of actionFiles) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function" && !(value as { access?: string }).access)
        undeclared.push(`${path.relative(projectRoot, file)}#${name}`);
    }
  }
  expect(undeclared, "every server action needs an `access` property, as route() gives route handlers").toEqual([]);
});

describe("each role, and no session, gets what the policy says", () => {
  test.each(["none" as const, ...ROLES])(
    "%s",
    async (who) => {
      const mismatches: string[] = [];
      for (const endpoint of endpoints) {
        const access = endpoint.handler.access;
        if (!access || access === "public") continue;
        const response = await call(endpoint, who === "none" ? null : cookies.get(who)!);
        const allowed = who !== "none" && (ACCESS[access as keyof typeof ACCESS] as readonly string[]).includes(who);
        const expected = who === "none" ? "401" : allowed ? "neither 401 nor 403" : "403";
        const ok =
          who === "none" ? response.status === 401 : allowed ? response.status !== 401 && response.status !== 403 : response.status === 403;
        if (!ok) mismatches.push(`${endpoint.name}: expected ${expected}, got ${response.status}`);
      }
      expect(mismatches).toEqual([]);
    },
    120_000,
  );
});

test("an allowed mutation from another origin is refused", async () => {
  const mutation = endpoints.find((e) => e.method !== "GET" && e.handler.access === "admin");
  expect(mutation, "an admin mutation exists to try").toBeDefined();
  const request = new Request(mutation!.url, {
    method: mutation!.method,
    headers: { origin: "https://evil.example", cookie: cookies.get("ADMIN")!, "content-type": "application/json" },
    body: "{}",
  });
  const response = await mutation!.handler(request, { params: Promise.resolve(mutation!.params) });
  expect(response.status).toBe(403);
});
