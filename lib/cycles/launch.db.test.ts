import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { createUser } from "@/lib/auth/users";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auditCount, auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import { advanceCycle } from "./engine/advance";
import { cancelRun, launchRun, resumeRun } from "./launch";
import { createFixtureDataset, createSimulatorBackends, type FixtureBackends, testCycleConfig } from "./testing/fixtures";
import { idleJobSender } from "@/lib/cycles/testing/idle-job-sender";

/** Engine steps without a worker: nothing is sent. */
const noJobs = idleJobSender();
const tag = `launch-audit-${Date.now()}`;
let researcher: Actor;
let datasetId: number;
let backends: FixtureBackends;

const config = (name: string) => testCycleConfig({ name, datasets: [{ dataset: datasetId }], backends, evaluation: { enabled: false } });
const cycleState = async (cycleId: number) =>
  prisma().cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { status: true, cancelRequestedAt: true } });

beforeAll(async () => {
  const { id } = await createUser({ email: `${tag}@test.local`, name: "R", role: "RESEARCHER", password: "long-enough-pw" }, SYSTEM_ACTOR);
  researcher = { userId: id, ip: "192.0.2.50" };
  datasetId = (await createFixtureDataset({ name: tag, train: 6 })).datasetId;
  backends = await createSimulatorBackends({ tag, url: "http://127.0.0.1:9" });
});
afterAll(async () => {
  await disconnectPrisma();
  await closePool();
});

/** A launched run stopped by a cancel, as a resume finds it. */
async function cancelledRun(name: string): Promise<{ runId: number; cycleId: number }> {
  const run = await launchRun(config(name), researcher, { jobs: noJobs });
  await advanceCycle(run.cycleId, noJobs);
  await cancelRun(run.runId, researcher, noJobs);
  await advanceCycle(run.cycleId, noJobs);
  expect((await cycleState(run.cycleId)).status).toBe("CANCELLED");
  return run;
}

test("launch, cancel and resume each record the acting researcher on the run", async () => {
  const { runId, cycleId } = await cancelledRun("audited run");
  await resumeRun(runId, researcher, { jobs: noJobs, reasons: ["timeout"] });

  expect(await auditTrail("cycle.launch", runId)).toEqual([
    { actorId: researcher.userId, targetType: "Run", ipAddress: "192.0.2.50", details: { cycleId } },
  ]);
  expect(await auditTrail("cycle.cancel", runId)).toMatchObject([{ actorId: researcher.userId, details: { cycleId } }]);
  expect(await auditTrail("cycle.resume", runId)).toMatchObject([
    { actorId: researcher.userId, details: { cycleId, status: "GENERATING", reasons: ["timeout"] } },
  ]);
  expect((await prisma().run.findUniqueOrThrow({ where: { id: runId }, select: { createdById: true } })).createdById).toBe(
    researcher.userId,
  );
  await cancelRun(runId, researcher, noJobs);
  await advanceCycle(cycleId, noJobs);
});

test("a launch that fails at commit leaves neither the run nor its audit entry", async () => {
  const runs = await prisma().run.count();
  const launches = await auditCount("cycle.launch");
  await expect(withFailingCommits("Cycle", () => launchRun(config("never launched"), researcher, { jobs: noJobs }))).rejects.toThrow(
    /forced failure/,
  );
  expect(await prisma().run.count()).toBe(runs);
  expect(await auditCount("cycle.launch")).toBe(launches);
});

test("a cancel that fails at commit leaves the cycle running and records nothing", async () => {
  const { runId, cycleId } = await launchRun(config("cancel fails"), researcher, { jobs: noJobs });
  await expect(withFailingCommits("Cycle", () => cancelRun(runId, researcher, noJobs))).rejects.toThrow(/forced failure/);
  expect((await cycleState(cycleId)).cancelRequestedAt).toBeNull();
  expect(await auditTrail("cycle.cancel", runId)).toEqual([]);
  await cancelRun(runId, researcher, noJobs);
  await advanceCycle(cycleId, noJobs);
});

test("a resume that fails at commit, or is refused, leaves the run stopped and records nothing", async () => {
  const { runId, cycleId } = await cancelledRun("resume fails");
  const batches = async () =>
    prisma().stageBatch.findMany({ where: { cycleId }, orderBy: { id: "asc" }, select: { status: true, scope: true } });
  const batchesBefore = await batches();
  await expect(withFailingCommits("Run", () => resumeRun(runId, researcher, { jobs: noJobs }))).rejects.toThrow(/forced failure/);
  expect(await cycleState(cycleId)).toEqual({ status: "CANCELLED", cancelRequestedAt: expect.any(Date) });
  expect(await batches()).toEqual(batchesBefore);
  expect(await prisma().run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } })).toEqual({ status: "CANCELLED" });

  await resumeRun(runId, researcher, { jobs: noJobs });
  await expect(resumeRun(runId, researcher, { jobs: noJobs })).rejects.toMatchObject({ kind: "conflict" });
  expect(await auditTrail("cycle.resume", runId)).toHaveLength(1);
  await cancelRun(runId, researcher, noJobs);
  await advanceCycle(cycleId, noJobs);
});
