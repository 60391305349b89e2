import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { conflict, invalidField } from "@/lib/errors/domain-error";
import { publicRoute, route } from "./route";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

const ORIGIN = "http://localhost:3000";
const researcher: SessionUser = { id: "u1", email: "r@example.org", name: "R", role: "RESEARCHER" };

beforeEach(() => {
  session.user = researcher;
});
afterEach(() => vi.restoreAllMocks());

function call(
  handler: ReturnType<typeof route>,
  init: { method?: string; url?: string; body?: unknown; params?: Record<string, string> } = {},
) {
  const request = new Request(init.url ?? `${ORIGIN}/api/thing`, {
    method: init.method ?? "GET",
    headers: { origin: ORIGIN, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) });
}

test("no session is 401 and a role without access 403, before the handler runs", async () => {
  const handler = vi.fn(async () => ({ ok: true }));
  const guarded = route({ access: "admin" }, handler);
  session.user = null;
  expect((await call(guarded)).status).toBe(401);
  session.user = researcher;
  const refused = await call(guarded);
  expect(refused.status).toBe(403);
  expect(await refused.json()).toEqual({ error: "The researcher role may not do this" });
  expect(handler).not.toHaveBeenCalled();
});

test("a body that fails its schema in one field names that field", async () => {
  const guarded = route({ access: "research", body: z.object({ name: z.string().min(1, "Enter a name") }) }, async () => ({}));
  const response = await call(guarded, { method: "POST", body: { name: "" } });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({
    error: "Invalid body: body.name: Enter a name",
    field: "name",
    details: { issues: [{ field: "body.name", message: "Enter a name" }] },
  });
});

test("a query failing in several fields lists them all without naming one", async () => {
  const query = z.object({ a: z.coerce.number().int(), b: z.coerce.number().int() });
  const response = await call(
    route({ access: "research", query }, async () => ({})),
    { url: `${ORIGIN}/api/thing?a=x&b=y` },
  );
  const body = (await response.json()) as { field?: string; details: { issues: { field: string }[] } };
  expect(response.status).toBe(400);
  expect(body.field).toBeUndefined();
  expect(body.details.issues.map((issue) => issue.field)).toEqual(["query.a", "query.b"]);
});

test("a domain error thrown by the handler becomes its status, with no catch block in the handler", async () => {
  const taken = route({ access: "research" }, async () => {
    throw conflict('A backend named "sim" already exists', { field: "name" });
  });
  const response = await call(taken, { method: "POST", body: {} });
  expect(response.status).toBe(409);
  expect(await response.json()).toMatchObject({ field: "name", details: { issues: [{ field: "body.name" }] } });

  const bad = route({ access: "research" }, async () => {
    throw invalidField("credential.value", "Enter the credential to store");
  });
  expect((await call(bad, { method: "POST", body: {} })).status).toBe(400);
});

test("anything else thrown by the handler is a 500 that does not leak its message", async () => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  const broken = route({ access: "research" }, async () => {
    throw new Error('relation "Secret" does not exist');
  });
  const response = await call(broken);
  expect(response.status).toBe(500);
  expect(JSON.stringify(await response.json())).not.toContain("Secret");
});

test("a mutation from another origin is refused", async () => {
  const guarded = route({ access: "research" }, async () => ({}));
  const request = new Request(`${ORIGIN}/api/thing`, { method: "POST", headers: { origin: "https://evil.example" }, body: "{}" });
  expect((await guarded(request, { params: Promise.resolve({}) })).status).toBe(403);
});

/** A body of `chunks` chunks of 64 KiB, counting how many were taken. */
function countedBody(chunks: number) {
  const seen = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) return controller.close();
      seen.pulled += 1;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
    },
  });
  return { stream, seen };
}

test("a JSON body that says it is too large is refused with 413 before any of it is read", async () => {
  const handler = vi.fn(async () => ({}));
  const guarded = route({ access: "research", body: z.object({}) }, handler);
  const { stream, seen } = countedBody(5000);
  const request = new Request(`${ORIGIN}/api/thing`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json", "content-length": String(5000 * 64 * 1024) },
    body: stream,
    duplex: "half",
  } as RequestInit);
  const response = await guarded(request, { params: Promise.resolve({}) });
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({ error: "The request body is larger than the 1.0 MiB this request takes" });
  expect(seen.pulled).toBeLessThanOrEqual(1);
  expect(handler).not.toHaveBeenCalled();
});

test("a JSON body of no stated length is read only up to the limit, then refused with 413", async () => {
  const guarded = route({ access: "research", body: z.object({}), maxBodyBytes: 256 * 1024 }, async () => ({}));
  const { stream, seen } = countedBody(5000);
  const request = new Request(`${ORIGIN}/api/thing`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  const response = await guarded(request, { params: Promise.resolve({}) });
  expect(response.status).toBe(413);
  expect(seen.pulled).toBeLessThan(10);
});

test("a body under the limit is read whole", async () => {
  const guarded = route({ access: "research", body: z.object({ text: z.string() }), maxBodyBytes: 1000 }, async ({ body }) => body);
  const response = await call(guarded, { method: "POST", body: { text: "é".repeat(400) } });
  expect(await response.json()).toEqual({ text: "é".repeat(400) });
});

test("a public handler (sign-in) gets no body larger than 64 KiB", async () => {
  const handler = vi.fn(async (request: Request) => new Response(await request.text()));
  const open = publicRoute(handler);
  const refused = await open(new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", body: "x".repeat(65 * 1024) }), {
    params: Promise.resolve({}),
  });
  expect(refused.status).toBe(413);
  expect(handler).not.toHaveBeenCalled();
  const taken = await open(new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", body: '{"email":"a@b.c"}' }), {
    params: Promise.resolve({}),
  });
  expect(await taken.text()).toBe('{"email":"a@b.c"}');
});
