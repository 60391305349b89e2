import { afterAll, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auth } from "./auth";
import {
  backoffMs,
  beginSignInAttempt,
  endSignInAttemptWithSuccess,
  FIRST_BACKOFF_MS,
  FREE_FAILURES,
  MAX_BACKOFF_MS,
} from "./login-throttle";
import { getSessionUser } from "./session";
import { changeRole, createUser, setActive } from "./users";

afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

const PASSWORD = "correct-horse-battery";

async function newUser(role: "ANNOTATOR" | "RESEARCHER" = "ANNOTATOR") {
  const email = `auth-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@test.local`;
  const { id } = await createUser({ email, name: "Test", role, password: PASSWORD }, SYSTEM_ACTOR);
  return { id, email };
}

function signIn(email: string, password: string, ip = "203.0.113.7") {
  return auth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

function cookieOf(response: Response): Headers {
  return new Headers({
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  });
}

test("passwords are stored hashed, never as given", async () => {
  const user = await newUser();
  const account = await prisma().account.findFirstOrThrow({ where: { userId: user.id }, select: { password: true } });
  expect(account.password).toBeTruthy();
  expect(account.password).not.toContain(PASSWORD);
});

test("deactivating a user ends their sessions at once, and they cannot sign in again", async () => {
  const user = await newUser();
  const response = await signIn(user.email, PASSWORD);
  expect(response.status).toBe(200);
  const headers = cookieOf(response);
  expect(await getSessionUser(headers)).toMatchObject({ email: user.email, role: "ANNOTATOR" });

  await setActive(user.id, false, SYSTEM_ACTOR);
  expect(await getSessionUser(headers)).toBeNull();
  expect((await signIn(user.email, PASSWORD)).status).not.toBe(200);
});

test("a role change applies to the next request of an existing session", async () => {
  const user = await newUser();
  const headers = cookieOf(await signIn(user.email, PASSWORD));
  await changeRole(user.id, "RESEARCHER", SYSTEM_ACTOR);
  expect((await getSessionUser(headers))?.role).toBe("RESEARCHER");
});

test("an unknown account and a wrong password get the same answer", async () => {
  const user = await newUser();
  const wrong = await signIn(user.email, "not-the-password");
  const unknown = await signIn(`nobody-${Date.now()}@test.local`, "not-the-password");
  expect(wrong.status).toBe(unknown.status);
  expect(await wrong.json()).toEqual(await unknown.json());
});

test("a deactivated account with the right password gets exactly the wrong-password answer", async () => {
  const user = await newUser();
  await setActive(user.id, false, SYSTEM_ACTOR);
  const deactivated = await signIn(user.email, PASSWORD, "198.51.100.201");
  const wrong = await signIn(user.email, "not-the-password", "198.51.100.202");
  expect(deactivated.status).toBe(wrong.status);
  expect(await deactivated.json()).toEqual(await wrong.json());
});

test(`40 guesses at once from one address: only ${FREE_FAILURES} passwords are checked, the rest wait`, async () => {
  const user = await newUser();
  const answers = await Promise.all(Array.from({ length: 40 }, () => signIn(user.email, "wrong-password", "198.51.100.40")));
  const statuses = answers.map((answer) => answer.status);
  expect(statuses.filter((status) => status === 401)).toHaveLength(FREE_FAILURES);
  expect(statuses.filter((status) => status !== 401).every((status) => status === 429)).toBe(true);
});

test("failures from one address slow that address only: the owner signs in from another at once", async () => {
  const user = await newUser();
  for (let attempt = 0; attempt < FREE_FAILURES; attempt += 1) {
    expect((await signIn(user.email, "wrong-password", "198.51.100.50")).status).toBe(401);
  }
  const slowed = await signIn(user.email, PASSWORD, "198.51.100.50");
  expect(slowed.status).toBe(429);
  expect(slowed.headers.get("retry-after")).toBe(String(FIRST_BACKOFF_MS / 1000));
  expect(((await slowed.json()) as { message: string }).message).toMatch(/from your address\. Try again in 30 seconds/);
  expect((await signIn(user.email, PASSWORD, "203.0.113.50")).status).toBe(200);
});

test("past the free failures, each attempt waits twice as long as the last, up to the cap; a success starts afresh", async () => {
  const email = `backoff-${Date.now()}@test.local`;
  const address = "198.51.100.60";
  let now = 1_000_000_000_000;
  for (let attempt = 0; attempt < FREE_FAILURES; attempt += 1)
    expect(await beginSignInAttempt(email, address, now)).toEqual({ allowed: true });
  const waits: number[] = [];
  for (let round = 0; round < 8; round += 1) {
    const denied = await beginSignInAttempt(email, address, now);
    if (denied.allowed) throw new Error("expected to wait");
    waits.push(denied.retryAfterMs);
    expect(await beginSignInAttempt(email, address, now + denied.retryAfterMs - 1)).toMatchObject({ allowed: false });
    now += denied.retryAfterMs;
    expect(await beginSignInAttempt(email, address, now)).toEqual({ allowed: true });
  }
  expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
  expect(backoffMs(FREE_FAILURES - 1)).toBe(0);

  await endSignInAttemptWithSuccess(email, address);
  for (let attempt = 0; attempt < FREE_FAILURES; attempt += 1)
    expect(await beginSignInAttempt(email, address, now)).toEqual({ allowed: true });
});

test.each(["          ", "1234567890", "aaaaaaaaaa"])(
  "a weak password (%j) is refused for a new account and a password change",
  async (weak) => {
    const refused = createUser({ email: `weak-${Date.now()}@test.local`, name: "Weak", role: "ANNOTATOR", password: weak }, SYSTEM_ACTOR);
    await expect(refused).rejects.toMatchObject({ kind: "invalid-input", field: "password", message: /too easy to guess/ });

    const user = await newUser();
    const headers = cookieOf(await signIn(user.email, PASSWORD, "198.51.100.70"));
    const change = await auth().handler(
      new Request("http://localhost:3000/api/auth/change-password", {
        method: "POST",
        headers: { cookie: headers.get("cookie")!, "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ currentPassword: PASSWORD, newPassword: weak }),
      }),
    );
    expect(change.status).toBe(400);
    expect(((await change.json()) as { message: string }).message).toMatch(/^This password is too easy to guess\./);
    expect((await signIn(user.email, PASSWORD, "198.51.100.71")).status).toBe(200);
  },
);
