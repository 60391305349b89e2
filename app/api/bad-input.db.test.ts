import { afterAll, beforeAll, expect, test } from "vitest";
import { PATCH as patchUser } from "@/app/api/admin/users/[id]/route";
import { GET as cycleStatus } from "@/app/api/cycles/[id]/route";
import { POST as launchCycle } from "@/app/api/cycles/route";
import { POST as requestExport } from "@/app/api/exports/route";
import { GET as exploreGenerations } from "@/app/api/generations/route";
import { POST as createQueue } from "@/app/api/review/queues/route";
import { createDatasetWithQuestions, createGenerations, createRunWithCycles, uniqueTag } from "@/lib/cockpit/testing/cockpit-fixtures";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { callRoute } from "@/lib/testing/call-route";

// Input an attacker sent that once answered 500: each is now refused as a 4xx that says why.

let admin: string;
let researcher: string;

beforeAll(async () => {
  admin = await sessionCookieFor("ADMIN");
  researcher = await sessionCookieFor("RESEARCHER");
  // The text search only reaches PostgreSQL when there are generations to search.
  const tag = uniqueTag("bad-input");
  const dataset = await createDatasetWithQuestions(tag, "class", 1);
  const run = await createRunWithCycles(tag, 1);
  await createGenerations(run.cycleIds[0]!, [{ questionId: dataset.questionIds[0]! }]);
});
afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

const call = (...args: Parameters<typeof callRoute>) => callRoute<{ error: string; field?: string }>(...args);

test("patching a user that does not exist is 404, and an id with a NUL byte 400", async () => {
  expect(await call(patchUser, admin, "PATCH", "/api/admin/users/nobody", { role: "PI" }, { id: "nobody" })).toMatchObject({
    status: 404,
    body: { error: "User nobody was not found" },
  });
  expect(await call(patchUser, admin, "PATCH", "/api/admin/users/a%00b", { active: false }, { id: "a\u0000b" })).toMatchObject({
    status: 400,
    body: { field: "id", error: expect.stringMatching(/path\.id: contains a NUL character/) },
  });
});

test("a cycle id past PostgreSQL's integer is refused in paths and in bodies", async () => {
  expect((await call(cycleStatus, researcher, "GET", "/api/cycles/99999999999", undefined, { id: "99999999999" })).status).toBe(400);
  expect(await call(createQueue, researcher, "POST", "/api/review/queues", { name: "q", cycleId: 2147483648, size: 5 })).toMatchObject({
    status: 400,
    body: { field: "cycleId" },
  });
  const gold = { name: "q", cycleId: 1, size: 5, gold: [{ generationId: 2147483648, answer: { verdict: "CORRECT" } }] };
  expect(await call(createQueue, researcher, "POST", "/api/review/queues", gold)).toMatchObject({
    status: 400,
    body: { field: "gold.0.generationId" },
  });
  expect(await call(requestExport, researcher, "POST", "/api/exports", { cycleId: 2147483648, format: "JSONL" })).toMatchObject({
    status: 400,
    body: { field: "cycleId" },
  });
  const launch = await call(launchCycle, researcher, "POST", "/api/cycles", { config: { datasets: [{ dataset: 2147483648 }] } });
  expect(launch.status).toBe(400);
  expect(launch.body.error).toMatch(/datasets\.0\.dataset/);
});

test("a NUL byte in the generation search, or anywhere in a body, is refused with 400", async () => {
  expect(await call(exploreGenerations, researcher, "GET", "/api/generations?q=apple%00pie")).toMatchObject({
    status: 400,
    body: { field: "q", error: expect.stringMatching(/query\.q: contains a NUL character/) },
  });
  expect((await call(exploreGenerations, researcher, "GET", "/api/generations?q=apple")).status).toBe(200);
  expect(await call(createQueue, researcher, "POST", "/api/review/queues", { name: "nul\u0000name", cycleId: 1, size: 5 })).toMatchObject({
    status: 400,
    body: { field: "name" },
  });
});
