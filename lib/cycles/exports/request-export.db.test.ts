import { afterAll, beforeAll, expect, test } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { createUser } from "@/lib/auth/users";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { auditCount, auditTrail, withFailingCommits } from "@/lib/testing/audit-trail";
import { advanceCycle } from "../engine/advance";
import { cancelRun, launchRun } from "../launch";
import { createFixtureDataset, createSimulatorBackends, testCycleConfig } from "../testing/fixtures";
import { requestExport } from "./request-export";
import { idleJobSender } from "@/lib/cycles/testing/idle-job-sender";

const sent: number[] = [];
const jobs = idleJobSender({ sendExport: async (id) => void sent.push(id) });
const tag = `export-audit-${Date.now()}`;
let researcher: Actor;
let run: { runId: number; cycleId: number };

beforeAll(async () => {
  const { id } = await createUser({ email: `${tag}@test.local`, name: "R", role: "RESEARCHER", password: "long-enough-pw" }, SYSTEM_ACTOR);
  researcher = { userId: id, ip: "192.0.2.60" };
  const { datasetId } = await createFixtureDataset({ name: tag, train: 4 });
  const backends = await createSimulatorBackends({ tag, url: "http://127.0.0.1:9" });
  run = await launchRun(testCycleConfig({ name: tag, datasets: [{ dataset: datasetId }], backends }), SYSTEM_ACTOR, { jobs });
});
afterAll(async () => {
  await cancelRun(run.runId, SYSTEM_ACTOR, jobs);
  await advanceCycle(run.cycleId, jobs);
  await disconnectPrisma();
  await closePool();
});

test("an export request records export.create with the acting researcher and the filters it was asked with", async () => {
  const row = await requestExport(run.cycleId, { format: "JSONL", directOnly: true }, researcher, { jobs });
  expect(sent).toContain(row.id);
  expect(await auditTrail("export.create", row.id)).toEqual([
    {
      actorId: researcher.userId,
      targetType: "Export",
      ipAddress: "192.0.2.60",
      details: { cycleId: run.cycleId, format: "JSONL", directOnly: true, excludeHallucinated: true },
    },
  ]);
});

test("an export request that fails at commit leaves no export, no audit entry and sends no job", async () => {
  const exports = await prisma().export.count();
  const entries = await auditCount("export.create");
  const jobsSent = sent.length;
  await expect(
    withFailingCommits("Export", () => requestExport(run.cycleId, { format: "VIDEO_LLAVA" }, researcher, { jobs })),
  ).rejects.toThrow(/forced failure/);
  expect(await prisma().export.count()).toBe(exports);
  expect(await auditCount("export.create")).toBe(entries);
  expect(sent).toHaveLength(jobsSent);
});
