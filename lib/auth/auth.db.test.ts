import { afterAll, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auth } from "./auth";
import { ACCOUNT_FAILURE_LIMIT } from "./login-throttle";
import { getSessionUser } from "./session";
import { changeRole, createUser, setActive } from "./users";

afterAll(() => disconnectPrisma());

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

test(`after ${ACCOUNT_FAILURE_LIMIT} failed sign-ins an account is locked, whichever IP asks`, async () => {
  const user = await newUser();
  for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt += 1) {
    expect((await signIn(user.email, "wrong-password", `198.51.100.${attempt}`)).status).toBe(401);
  }
  const locked = await signIn(user.email, PASSWORD, "192.0.2.99");
  expect(locked.status).toBe(429);
});
