import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auditCount, auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import { changeRole, createUser, setActive } from "./users";

let admin: Actor;

const uniqueEmail = (what: string) => `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@test.local`;
const newUser = (email = uniqueEmail("user")) =>
  createUser({ email, name: "Audited", role: "ANNOTATOR", password: "long-enough-pw" }, admin);

beforeAll(async () => {
  const { id } = await createUser({ email: uniqueEmail("admin"), name: "Admin", role: "ADMIN", password: "long-enough-pw" }, SYSTEM_ACTOR);
  admin = { userId: id, ip: "198.51.100.4" };
});
afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

test("creating a user records user.create with the acting admin, their address and the normalised email", async () => {
  const email = uniqueEmail("Created").toUpperCase();
  const { id } = await newUser(email);
  expect(await auditTrail("user.create", id)).toEqual([
    { actorId: admin.userId, targetType: "User", ipAddress: "198.51.100.4", details: { email: email.toLowerCase(), role: "ANNOTATOR" } },
  ]);
});

test("a role change and a deactivation and reactivation are each recorded with the acting admin", async () => {
  const { id } = await newUser();
  await changeRole(id, "RESEARCHER", admin);
  await setActive(id, false, admin);
  await setActive(id, true, admin);
  expect(await auditTrail("user.role", id)).toMatchObject([{ actorId: admin.userId, details: { role: "RESEARCHER" } }]);
  expect(await auditTrail("user.deactivate", id)).toMatchObject([{ actorId: admin.userId, details: {} }]);
  expect(await auditTrail("user.reactivate", id)).toMatchObject([{ actorId: admin.userId }]);
});

test("a user creation that fails at commit leaves neither the user nor its audit entry", async () => {
  const email = uniqueEmail("failed");
  const before = await auditCount("user.create");
  await expect(withFailingCommits("User", () => newUser(email))).rejects.toThrow(/forced failure/);
  expect(await prisma().user.count({ where: { email } })).toBe(0);
  expect(await auditCount("user.create")).toBe(before);
});

test("a role change or deactivation that fails at commit changes nothing and records nothing", async () => {
  const { id } = await newUser();
  await expect(withFailingCommits("User", () => changeRole(id, "PI", admin))).rejects.toThrow(/forced failure/);
  await expect(withFailingCommits("User", () => setActive(id, false, admin))).rejects.toThrow(/forced failure/);
  expect(await prisma().user.findUniqueOrThrow({ where: { id }, select: { role: true, active: true } })).toEqual({
    role: "ANNOTATOR",
    active: true,
  });
  expect(await auditTrail("user.role", id)).toEqual([]);
  expect(await auditTrail("user.deactivate", id)).toEqual([]);
});

test("a role change of a user who does not exist fails and records nothing", async () => {
  await expect(changeRole("no-such-user", "PI", admin)).rejects.toThrow();
  expect(await auditTrail("user.role", "no-such-user")).toEqual([]);
});
