import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/audit-repository";
import { prisma } from "@/lib/db/prisma";
import { inTransaction } from "@/lib/db/transaction";
import { conflict, invalidField, notFound } from "@/lib/errors/domain-error";
import { auth } from "./auth";
import { passwordProblem } from "./password-policy";
import type { Role } from "./roles";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/**
 * Creates a user with an email + password account, hashed by better-auth; audited as `user.create`.
 * An email already in use is a conflict.
 */
export async function createUser(input: NewUser, actor: Actor): Promise<{ id: string }> {
  const weakness = passwordProblem(input.password, [input.email, input.name]);
  if (weakness) throw invalidField("password", weakness);
  const context = await auth().$context;
  const email = input.email.trim().toLowerCase();
  if (await context.internalAdapter.findUserByEmail(email)) {
    throw conflict(`A user with the email ${email} already exists`, { field: "email" });
  }
  const passwordHash = await context.password.hash(input.password);
  return inTransaction(async (tx) => {
    const id = context.generateId({ model: "user" });
    if (!id) throw new Error("better-auth generated no user id");
    await tx.user.create({ data: { id, email, name: input.name, role: input.role, emailVerified: true }, select: { id: true } });
    await tx.account.create({
      data: { id: `${id}-credential`, userId: id, providerId: "credential", accountId: id, password: passwordHash },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "user.create", targetId: id, details: { email, role: input.role } });
    return { id };
  });
}

export async function changeRole(userId: string, role: Role, actor: Actor): Promise<void> {
  await inTransaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { role } });
    if (count === 0) throw notFound(`User ${userId}`);
    await recordAudit(tx, actor, { action: "user.role", targetId: userId, details: { role } });
  });
}

/** Deactivation ends every session of the user at once. */
export async function setActive(userId: string, active: boolean, actor: Actor): Promise<void> {
  await inTransaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { active, deactivatedAt: active ? null : new Date() } });
    if (count === 0) throw notFound(`User ${userId}`);
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, { action: active ? "user.reactivate" : "user.deactivate", targetId: userId, details: {} });
  });
}

export async function countUsers(): Promise<number> {
  return prisma().user.count();
}

export async function listUsers() {
  return prisma().user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
}
