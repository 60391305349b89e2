import { prisma } from "@/lib/db/prisma";

/** Failed sign-ins allowed per account within the window, whatever IP they come from. */
export const ACCOUNT_FAILURE_LIMIT = 5;
const ACCOUNT_WINDOW_MS = 15 * 60_000;

function keyFor(email: string): string {
  return `account-login:${email.trim().toLowerCase()}`;
}

export async function isAccountLocked(email: string, now = Date.now()): Promise<boolean> {
  const row = await prisma().rateLimit.findUnique({ where: { key: keyFor(email) }, select: { count: true, lastRequest: true } });
  return !!row && now - Number(row.lastRequest) < ACCOUNT_WINDOW_MS && row.count >= ACCOUNT_FAILURE_LIMIT;
}

export async function recordFailedLogin(email: string, now = Date.now()): Promise<void> {
  const key = keyFor(email);
  const row = await prisma().rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
  const fresh = !row || now - Number(row.lastRequest) >= ACCOUNT_WINDOW_MS;
  await prisma().rateLimit.upsert({
    where: { key },
    create: { id: key, key, count: 1, lastRequest: BigInt(now) },
    update: { count: fresh ? 1 : { increment: 1 }, lastRequest: BigInt(now) },
  });
}

export async function clearFailedLogins(email: string): Promise<void> {
  await prisma().rateLimit.deleteMany({ where: { key: keyFor(email) } });
}
