import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { createUser } from "@/lib/auth/users";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { BOSS_SCHEMA, stopProcessBoss } from "@/lib/jobs/process-boss";
import { queues } from "@/lib/jobs/queues";
import { markAllNotificationsRead, markNotificationRead, notificationsOf } from "@/lib/notifications/notification-repository";
import { withFailingCommits } from "@/lib/testing/audit-trail";
import { advanceCycle } from "./engine/advance";
import { jobSender, type JobSender } from "./engine/job-sender";
import { cancelRun, launchRun, resumeRun } from "./launch";
import { createFixtureDataset, createSimulatorBackends, type FixtureBackends, testCycleConfig } from "./testing/fixtures";

// The end of a run through the real engine step (no worker: batches are never sent), and the
// notification written with it. The webhook job goes through the real pg-boss, inside the transaction.

const tag = `run-end-${Date.now()}`;
let researcher: Actor & { userId: string };
let other: Actor & { userId: string };
let dataset: { datasetId: number; trainQuestionIds: number[] };
let backends: FixtureBackends;
let jobs: JobSender;

beforeAll(async () => {
  const make = async (who: string) =>
    (await createUser({ email: `${who}-${tag}@test.local`, name: who, role: "RESEARCHER", password: "long-enough-pw" }, SYSTEM_ACTOR)).id;
  researcher = { userId: await make("launcher"), ip: null };
  other = { userId: await make("other"), ip: null };
  dataset = await createFixtureDataset({ name: tag, train: 4 });
  backends = await createSimulatorBackends({ tag, url: "http://127.0.0.1:9" });
  const real = await jobSender();
  jobs = {
    sendBatches: async () => {},
    sendTick: async () => {},
    sendExport: async () => {},
    sendWebhook: (id, tx) => real.sendWebhook(id, tx),
  };
});

afterAll(async () => {
  await stopProcessBoss();
  await disconnectPrisma();
  await closePool();
});

const config = (name: string, extra: Record<string, unknown> = {}) =>
  testCycleConfig({ name, datasets: [{ dataset: dataset.datasetId }], backends, evaluation: { enabled: false }, ...extra });

const notificationsOfRun = (runId: number) =>
  prisma().notification.findMany({
    where: { runId },
    orderBy: { id: "asc" },
    select: { id: true, userId: true, event: true, text: true, simulated: true, cycleId: true, webhookUrl: true, webhookStatus: true },
  });

async function webhookJobs(notificationId: number): Promise<{ retry_limit: number; retry_backoff: boolean }[]> {
  const { rows } = await pool().query<{ retry_limit: number; retry_backoff: boolean }>(
    `SELECT retry_limit, retry_backoff FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND (data->>'notificationId')::int = $2`,
    [queues.notifyWebhook.name, notificationId],
  );
  return rows;
}

async function allWebhookJobs(): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1`, [
    queues.notifyWebhook.name,
  ]);
  return rows[0]?.n ?? 0;
}

/** A launched run whose cycle is made to reach the end of its stages on the next step (evaluation off, nothing trained). */
async function runAtItsLastStep(name: string, extra: Record<string, unknown> = {}) {
  const run = await launchRun(config(name, extra), researcher, { jobs });
  await prisma().cycle.update({ where: { id: run.cycleId }, data: { status: "EVALUATING" } });
  return run;
}

test("a run that finishes cleanly tells its launcher once that it is done, simulated, linked to its cycle", async () => {
  const { runId, cycleId } = await runAtItsLastStep("clean run");
  await advanceCycle(cycleId, jobs);
  await advanceCycle(cycleId, jobs);
  expect((await prisma().run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } })).status).toBe("DONE");
  expect(await notificationsOfRun(runId)).toEqual([
    {
      id: expect.any(Number),
      userId: researcher.userId,
      event: "DONE",
      text: "Run “clean run” (simulated) is done after 1 cycle.",
      simulated: true,
      cycleId,
      webhookUrl: null,
      webhookStatus: null,
    },
  ]);
});

test("a run done with given-up items needs attention, and says how many", async () => {
  const { runId, cycleId } = await runAtItsLastStep("run with errors");
  const maxItemAttempts = 4;
  for (const questionId of dataset.trainQuestionIds.slice(0, 2)) {
    await prisma().itemError.create({
      data: { cycleId, questionId, stage: "GENERATE", mode: "ANSWER", reason: "timeout", message: "no answer", attempts: maxItemAttempts },
    });
  }
  await advanceCycle(cycleId, jobs);
  expect((await prisma().cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { status: true } })).status).toBe("DONE_WITH_ERRORS");
  const [notification, ...more] = await notificationsOfRun(runId);
  expect(more).toEqual([]);
  expect(notification).toMatchObject({ event: "NEEDS_ATTENTION", userId: researcher.userId });
  expect(notification?.text).toBe("Run “run with errors” (simulated) finished after 1 cycle but needs attention: 2 items were given up.");
});

test("a failed run tells why, once per failure: a resumed run that fails again tells again", async () => {
  const { runId, cycleId } = await launchRun(config("failing run"), researcher, { jobs });
  await advanceCycle(cycleId, jobs);
  const failBatches = () =>
    prisma().stageBatch.updateMany({ where: { cycleId, stage: "GENERATE" }, data: { status: "FAILED", lastError: "backend down" } });
  await failBatches();
  await advanceCycle(cycleId, jobs);
  await advanceCycle(cycleId, jobs);
  const first = await notificationsOfRun(runId);
  expect(first).toHaveLength(1);
  expect(first[0]).toMatchObject({ event: "FAILED", userId: researcher.userId });
  expect(first[0]?.text).toMatch(/^Run “failing run” \(simulated\) failed in cycle 1: generating: a generate batch failed .*backend down/);

  await resumeRun(runId, researcher, { jobs });
  await failBatches();
  await advanceCycle(cycleId, jobs);
  expect((await notificationsOfRun(runId)).map((n) => n.event)).toEqual(["FAILED", "FAILED"]);
});

test("a cancelled run tells its launcher, not the person who looks: each sees their own only", async () => {
  const { runId, cycleId } = await launchRun(config("cancelled run"), researcher, { jobs });
  await cancelRun(runId, other, jobs);
  await advanceCycle(cycleId, jobs);
  await advanceCycle(cycleId, jobs);
  const [notification, ...more] = await notificationsOfRun(runId);
  expect(more).toEqual([]);
  expect(notification).toMatchObject({
    event: "CANCELLED",
    userId: researcher.userId,
    text: "Run “cancelled run” (simulated) was cancelled in cycle 1.",
  });

  const mine = await notificationsOf(researcher.userId);
  expect(mine.notifications.map((n) => n.id)).toContain(notification?.id);
  expect(mine.unread).toBeGreaterThan(0);
  expect((await notificationsOf(other.userId)).notifications.map((n) => n.runId)).not.toContain(runId);
  // Another person's notification cannot be marked read: it is as absent as one that never was.
  await expect(markNotificationRead(other.userId, notification!.id)).rejects.toMatchObject({ kind: "not-found" });
  await markNotificationRead(researcher.userId, notification!.id);
  expect((await notificationsOf(researcher.userId)).notifications.find((n) => n.id === notification?.id)?.read).toBe(true);
  await markAllNotificationsRead(researcher.userId);
  expect((await notificationsOf(researcher.userId)).unread).toBe(0);
});

test("a webhook URL, the run's own before the launcher's, gets a pg-boss job in the transaction that ended the run", async () => {
  await prisma().user.update({ where: { id: researcher.userId }, data: { webhookUrl: "https://hooks.example.test/mine" } });
  try {
    const own = await runAtItsLastStep("hooked run");
    await advanceCycle(own.cycleId, jobs);
    const [byLauncher] = await notificationsOfRun(own.runId);
    expect(byLauncher).toMatchObject({ webhookUrl: "https://hooks.example.test/mine", webhookStatus: "PENDING" });
    expect(await webhookJobs(byLauncher!.id)).toEqual([{ retry_limit: queues.notifyWebhook.retryLimit, retry_backoff: true }]);

    const perRun = await runAtItsLastStep("run with its own hook", { notify: { webhookUrl: "https://hooks.example.test/run" } });
    await advanceCycle(perRun.cycleId, jobs);
    const [byRun] = await notificationsOfRun(perRun.runId);
    expect(byRun?.webhookUrl).toBe("https://hooks.example.test/run");
    expect(await webhookJobs(byRun!.id)).toHaveLength(1);

    // The end, its notification and its job commit together or not at all.
    const failing = await runAtItsLastStep("end fails at commit");
    const jobsBefore = await allWebhookJobs();
    await expect(withFailingCommits("Notification", () => advanceCycle(failing.cycleId, jobs))).rejects.toThrow(/forced failure/);
    expect((await prisma().run.findUniqueOrThrow({ where: { id: failing.runId }, select: { status: true } })).status).toBe("ACTIVE");
    expect(await notificationsOfRun(failing.runId)).toEqual([]);
    expect(await allWebhookJobs()).toBe(jobsBefore);
    await advanceCycle(failing.cycleId, jobs);
    expect(await notificationsOfRun(failing.runId)).toHaveLength(1);
  } finally {
    await prisma().user.update({ where: { id: researcher.userId }, data: { webhookUrl: null } });
  }
});

test("a launch refuses a webhook URL that is not http(s) or carries credentials", async () => {
  await expect(
    launchRun(config("bad hook", { notify: { webhookUrl: "ftp://hooks.example.test/x" } }), researcher, { jobs }),
  ).rejects.toMatchObject({
    kind: "invalid-input",
  });
  await expect(
    launchRun(config("secret hook", { notify: { webhookUrl: "https://user:pw@hooks.example.test/x" } }), researcher, { jobs }),
  ).rejects.toThrow(/notify\.webhookUrl: Remove the user name and password/);
});
