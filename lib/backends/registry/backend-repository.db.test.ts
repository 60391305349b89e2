import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { createUser } from "@/lib/auth/users";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auditCount, auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import { backendInputSchema } from "./backend-input";
import { createBackend, deleteBackend, updateBackend } from "./backend-repository";

let admin: Actor;

const unique = () => `audited-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
const input = (name: string, credential: object = { source: "none" }) =>
  backendInputSchema.parse({ name, role: "INFERENCE", kind: "openai", baseUrl: "http://gpu:8000", settings: { model: "m" }, credential });

beforeAll(async () => {
  const email = `backend-admin-${Date.now()}@test.local`;
  const { id } = await createUser({ email, name: "Admin", role: "ADMIN", password: "long-enough-pw" }, SYSTEM_ACTOR);
  admin = { userId: id, ip: "203.0.113.20" };
});
afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

test("creating, changing and deleting a backend each record the acting admin, never the credential", async () => {
  const name = unique();
  const { id } = await createBackend(input(name, { source: "stored", value: "sk-audit-secret" }), admin);
  await updateBackend(id, input(name, { source: "stored", value: "sk-new-secret" }), admin);
  expect(await deleteBackend(id, admin)).toBe(name);

  const created = await auditTrail("backend.create", id);
  expect(created).toEqual([
    {
      actorId: admin.userId,
      targetType: "Backend",
      ipAddress: "203.0.113.20",
      details: { name, role: "INFERENCE", kind: "openai", baseUrl: "http://gpu:8000", credential: "stored" },
    },
  ]);
  expect(await auditTrail("backend.update", id)).toMatchObject([{ actorId: admin.userId, details: { credentialChanged: true } }]);
  expect(await auditTrail("backend.delete", id)).toMatchObject([{ actorId: admin.userId, details: { name } }]);
  expect(JSON.stringify(await prisma().auditLogEntry.findMany({ where: { targetType: "Backend", targetId: String(id) } }))).not.toMatch(
    /sk-(audit|new)-secret/,
  );
});

test("a second backend of the same name is refused and records nothing", async () => {
  const name = unique();
  await createBackend(input(name), admin);
  const before = await auditCount("backend.create");
  await expect(createBackend(input(name), admin)).rejects.toMatchObject({ kind: "conflict", field: "name" });
  expect(await auditCount("backend.create")).toBe(before);
});

test("a backend write that fails at commit leaves neither the change nor its audit entry", async () => {
  const name = unique();
  const before = await auditCount("backend.create");
  await expect(withFailingCommits("Backend", () => createBackend(input(name), admin))).rejects.toThrow(/forced failure/);
  expect(await prisma().backend.count({ where: { name } })).toBe(0);
  expect(await auditCount("backend.create")).toBe(before);

  const { id } = await createBackend(input(name), admin);
  await expect(
    withFailingCommits("Backend", () => updateBackend(id, { ...input(name), baseUrl: "http://elsewhere" }, admin)),
  ).rejects.toThrow(/forced failure/);
  await expect(withFailingCommits("Backend", () => deleteBackend(id, admin))).rejects.toThrow(/forced failure/);
  expect(await prisma().backend.findUnique({ where: { id }, select: { baseUrl: true } })).toEqual({ baseUrl: "http://gpu:8000" });
  expect(await auditTrail("backend.update", id)).toEqual([]);
  expect(await auditTrail("backend.delete", id)).toEqual([]);
});
