import { randomBytes } from "node:crypto";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createUser, countUsers } from "@/lib/auth/users";
import { isDemoMode } from "@/lib/config/demo-mode";
import { isDomainError } from "@/lib/errors/domain-error";
import { seedDemoBackends } from "./demo-backends";
import { seedDemoDatasets } from "./demo-datasets";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

export interface SeedResult {
  /** What to tell the person who started the product about signing in. */
  loginLines: string[];
}

/**
 * On an empty database: the first admin (ADMIN_EMAIL / ADMIN_PASSWORD, or a generated one-time
 * password printed once) and, in demo mode, one user per role with a known password.
 */
export async function seedOnFirstRun(): Promise<SeedResult> {
  const demo = isDemoMode();
  const loginLines: string[] = [];
  if ((await countUsers()) === 0) {
    loginLines.push(...(await createFirstAdmin(demo)));
    if (demo) await createDemoUsers();
  }
  if (demo) {
    await seedDemoBackends();
    await seedDemoDatasets();
    loginLines.push(`Demo sign-in (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((user) => user.email).join(", ")}`);
  }
  return { loginLines };
}

async function createFirstAdmin(demo: boolean): Promise<string[]> {
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (email && password) {
    await createUser({ email, name: "Administrator", role: "ADMIN", password }, SYSTEM_ACTOR).catch((error: unknown) => {
      if (isDomainError(error, "invalid-input")) throw new Error(`ADMIN_PASSWORD / ADMIN_EMAIL: ${error.message}`);
      throw error;
    });
    return [`Admin account created for ${email} (password from ADMIN_PASSWORD).`];
  }
  if (demo) return [];
  const oneTime = randomBytes(12).toString("base64url");
  await createUser({ email: email ?? "admin@localhost", name: "Administrator", role: "ADMIN", password: oneTime }, SYSTEM_ACTOR);
  return [
    `Admin account: ${email ?? "admin@localhost"} with one-time password ${oneTime} — change it after signing in; it is not shown again.`,
  ];
}

async function createDemoUsers(): Promise<void> {
  for (const user of DEMO_USERS) {
    await createUser({ ...user, password: DEMO_PASSWORD }, SYSTEM_ACTOR).catch((error: unknown) => {
      // ADMIN_EMAIL may already have claimed one of these addresses.
      if (!isDomainError(error, "conflict")) throw error;
    });
  }
}
