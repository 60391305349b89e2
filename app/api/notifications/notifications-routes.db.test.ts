import { afterAll, beforeAll, expect, test } from "vitest";
import { createRunWithCycles, uniqueTag } from "@/lib/cockpit/testing/cockpit-fixtures";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { createRunEndNotification } from "@/lib/notifications/notification-repository";
import { auditTrail } from "@/lib/testing/audit-trail";
import { sessionCookieFor } from "@/lib/testing/sessions";
import { GET as WEBHOOK, PUT as SET_WEBHOOK } from "../account/webhook/route";
import { POST as READ } from "./[id]/read/route";
import { POST as READ_ALL } from "./read-all/route";
import { GET } from "./route";

const ORIGIN = "http://localhost:3000";
const tag = uniqueTag("notify");
let launcher: { cookie: string; id: string };
let other: { cookie: string; id: string };
let annotator: string;
let run: { runId: number; cycleIds: number[] };

async function person(role: "RESEARCHER" | "ANNOTATOR", who: string) {
  const cookie = await sessionCookieFor(role, `${who}-${tag}`);
  const { id } = await prisma().user.findUniqueOrThrow({
    where: { email: `${role.toLowerCase()}-${who}-${tag}@test.local` },
    select: { id: true },
  });
  return { cookie, id };
}

beforeAll(async () => {
  launcher = await person("RESEARCHER", "launcher");
  other = await person("RESEARCHER", "other");
  annotator = (await person("ANNOTATOR", "annotator")).cookie;
  run = await createRunWithCycles(tag, 1);
});
afterAll(async () => {
  await closePool();
  await disconnectPrisma();
});

const call = (cookie: string, url: string, init: RequestInit = {}) =>
  new Request(`${ORIGIN}${url}`, { ...init, headers: { cookie, origin: ORIGIN, "content-type": "application/json", ...init.headers } });
const noParams = { params: Promise.resolve({}) };
const idParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function notify(userId: string, event: "DONE" | "FAILED") {
  return createRunEndNotification(prisma(), {
    userId,
    cycleId: run.cycleIds[0]!,
    webhookUrl: null,
    end: { runId: run.runId, runName: tag, event, cycleIndex: 1, givenUpItems: 0, error: "boom", simulated: true },
  });
}

test("each person lists their own notifications only, and marks only theirs read", async () => {
  const mine = await notify(launcher.id, "DONE");
  const theirs = await notify(other.id, "FAILED");
  const list = async (cookie: string) =>
    (await (await GET(call(cookie, "/api/notifications"), noParams)).json()) as {
      unread: number;
      notifications: { id: number; read: boolean; cycleId: number; text: string; webhook: unknown }[];
    };
  const listed = await list(launcher.cookie);
  expect(listed.notifications.map((n) => n.id)).toEqual([mine.id]);
  expect(listed.notifications[0]).toMatchObject({
    read: false,
    cycleId: run.cycleIds[0],
    text: `Run “${tag}” (simulated) is done after 1 cycle.`,
    webhook: null,
  });
  expect(listed.unread).toBe(1);
  expect((await list(annotator)).notifications).toEqual([]);

  expect((await READ(call(launcher.cookie, `/api/notifications/${theirs.id}/read`, { method: "POST" }), idParams(theirs.id))).status).toBe(
    404,
  );
  expect((await list(other.cookie)).unread).toBe(1);
  expect((await READ(call(launcher.cookie, `/api/notifications/${mine.id}/read`, { method: "POST" }), idParams(mine.id))).status).toBe(200);
  expect(await list(launcher.cookie)).toMatchObject({ unread: 0, notifications: [{ id: mine.id, read: true }] });

  const all = await READ_ALL(call(other.cookie, "/api/notifications/read-all", { method: "POST" }), noParams);
  expect(await all.json()).toEqual({ marked: 1 });
  expect((await list(other.cookie)).unread).toBe(0);
});

test("a person's webhook URL: http(s) without credentials, saved and audited with its host only", async () => {
  const put = (url: unknown) =>
    SET_WEBHOOK(call(launcher.cookie, "/api/account/webhook", { method: "PUT", body: JSON.stringify({ url }) }), noParams);
  const refused = await put("https://me:secret@hooks.example.test/x");
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error: string }).error).toMatch(/url: Remove the user name and password/);
  expect((await put("file:///etc/passwd")).status).toBe(400);

  expect((await put("https://hooks.example.test/services/T0/B0/secret")).status).toBe(200);
  expect(await (await WEBHOOK(call(launcher.cookie, "/api/account/webhook"), noParams)).json()).toEqual({
    url: "https://hooks.example.test/services/T0/B0/secret",
  });
  expect(await (await WEBHOOK(call(other.cookie, "/api/account/webhook"), noParams)).json()).toEqual({ url: null });
  expect((await put("")).status).toBe(200);
  expect(await (await WEBHOOK(call(launcher.cookie, "/api/account/webhook"), noParams)).json()).toEqual({ url: null });
  expect(await auditTrail("account.webhook", launcher.id)).toMatchObject([
    { actorId: launcher.id, targetType: "User", details: { host: "hooks.example.test" } },
    { actorId: launcher.id, targetType: "User", details: { host: null } },
  ]);
});
