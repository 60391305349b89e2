import { afterAll, beforeAll, expect, test } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { getSessionUser } from "@/lib/auth/session";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { PATCH } from "./[id]/route";
import { POST } from "./route";

const ORIGIN = "http://localhost:3000";
let adminCookie: string;
let adminId: string;

beforeAll(async () => {
  adminCookie = await sessionCookieFor("ADMIN");
  adminId = (await getSessionUser(new Headers({ cookie: adminCookie })))!.id;
});
afterAll(() => disconnectPrisma());

function request(method: string, url: string, body: unknown) {
  return new Request(`${ORIGIN}${url}`, {
    method,
    headers: { cookie: adminCookie, origin: ORIGIN, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

const noParams = { params: Promise.resolve({}) };

test("an admin creates a user; the creation is in the audit log; a second one with the same email is refused", async () => {
  const email = `created-${Date.now()}@test.local`;
  const created = await POST(
    request("POST", "/api/admin/users", { email, name: "New Person", role: "PI", password: "long-enough-pw" }),
    noParams,
  );
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(await prisma().user.findUniqueOrThrow({ where: { id }, select: { role: true } })).toEqual({ role: "PI" });
  const entry = await prisma().auditLogEntry.findFirst({ where: { action: "user.create", targetId: id }, select: { actorId: true } });
  expect(entry?.actorId).toBe(adminId);

  const again = await POST(request("POST", "/api/admin/users", { email, name: "Twin", role: "PI", password: "long-enough-pw" }), noParams);
  expect(again.status).toBe(409);
  expect(await again.json()).toMatchObject({ field: "email", details: { issues: [{ field: "body.email" }] } });
});

test("role changes and deactivations are audited; an admin cannot deactivate themselves", async () => {
  const email = `target-${Date.now()}@test.local`;
  const { id } = (await (
    await POST(request("POST", "/api/admin/users", { email, name: "Target", role: "ANNOTATOR", password: "long-enough-pw" }), noParams)
  ).json()) as { id: string };
  const params = { params: Promise.resolve({ id }) };

  expect((await PATCH(request("PATCH", `/api/admin/users/${id}`, { role: "RESEARCHER" }), params)).status).toBe(200);
  expect((await PATCH(request("PATCH", `/api/admin/users/${id}`, { active: false }), params)).status).toBe(200);
  const actions = await prisma().auditLogEntry.findMany({ where: { targetId: id }, orderBy: { id: "asc" }, select: { action: true } });
  expect(actions.map((a) => a.action)).toEqual(["user.create", "user.role", "user.deactivate"]);

  const self = await PATCH(request("PATCH", `/api/admin/users/${adminId}`, { active: false }), {
    params: Promise.resolve({ id: adminId }),
  });
  expect(self.status).toBe(400);
});

test("changing a user who does not exist is 404, and leaves no audit entry", async () => {
  const id = `no-such-user-${Date.now()}`;
  const params = { params: Promise.resolve({ id }) };
  const role = await PATCH(request("PATCH", `/api/admin/users/${id}`, { role: "RESEARCHER" }), params);
  expect(role.status).toBe(404);
  expect(await role.json()).toEqual({ error: `User ${id} was not found` });
  expect((await PATCH(request("PATCH", `/api/admin/users/${id}`, { active: false }), params)).status).toBe(404);
  expect(await prisma().auditLogEntry.count({ where: { targetId: id } })).toBe(0);
});
