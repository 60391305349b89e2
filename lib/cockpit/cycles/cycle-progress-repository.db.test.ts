import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTrainingBackend } from "@/lib/backends";
import { startSimulator, type RunningSimulator } from "@/lib/backends/simulator";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import {
  createAudit,
  createAuditor,
  createDatasetWithQuestions,
  createGenerations,
  createRunWithCycles,
  uniqueTag,
} from "../testing/cockpit-fixtures";
import { cycleErrorGroups, cycleProgress } from "./cycle-progress-repository";
import { cycleTrainingRuns } from "./training-runs-repository";

let sim: RunningSimulator;
let cycleId: number;
let questionIds: number[];
let tag: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, trainingDurationMs: 500 });
  tag = uniqueTag("progress");
  questionIds = (await createDatasetWithQuestions(tag, "class", 3)).questionIds;
  const run = await createRunWithCycles(tag, 1, "GENERATING");
  cycleId = run.cycleIds[0]!;
  const started = new Date(Date.now() - 10_000);
  await prisma().stageBatch.createMany({
    data: [
      {
        cycleId,
        stage: "GENERATE",
        batchIndex: 0,
        scope: {},
        status: "DONE",
        itemCount: 100,
        doneCount: 100,
        createdAt: started,
        finishedAt: new Date(),
      },
      {
        cycleId,
        stage: "GENERATE",
        batchIndex: 1,
        scope: {},
        status: "RUNNING",
        itemCount: 100,
        doneCount: 20,
        errorCount: 2,
        lastError: "2 items gave up",
        createdAt: started,
      },
    ],
  });
  await prisma().itemError.createMany({
    data: [
      { cycleId, questionId: questionIds[0]!, stage: "GENERATE", mode: "ANSWER", reason: "timeout", message: "no reply within 120000 ms" },
      {
        cycleId,
        questionId: questionIds[1]!,
        stage: "GENERATE",
        mode: "ANSWER",
        reason: "timeout",
        message: "no reply within 120000 ms (again)",
      },
      { cycleId, questionId: questionIds[2]!, stage: "GENERATE", mode: "ANSWER", reason: "http-400", message: "HTTP 400" },
      { cycleId, questionId: questionIds[2]!, stage: "VERIFY", mode: "ANSWER", reason: "error", message: "fixed", resolvedAt: new Date() },
    ],
  });
});
afterAll(async () => {
  await sim.close();
  await closePool();
  await disconnectPrisma();
});

describe("cycle progress", () => {
  test("stages from the batches: progress, rate since the stage began, ETA", async () => {
    const progress = await cycleProgress(cycleId);
    const generate = progress!.stages.find((stage) => stage.stage === "GENERATE")!;
    expect(generate).toMatchObject({
      state: "running",
      batches: 2,
      items: 200,
      doneItems: 120,
      errorItems: 2,
      lastError: "2 items gave up",
    });
    expect(generate.fraction).toBeCloseTo(0.6);
    // 120 items in about 10 s: about 12/s, 80 left → about 7 s.
    expect(generate.ratePerSecond).toBeGreaterThan(10);
    expect(generate.ratePerSecond).toBeLessThan(13);
    expect(generate.etaSeconds).toBeGreaterThan(5);
    expect(generate.etaSeconds).toBeLessThan(9);
    expect(progress!.stages.find((stage) => stage.stage === "VERIFY")?.state).toBe("waiting");
    expect(progress!.siblings).toHaveLength(1);
    expect(await cycleProgress(2_000_000_000)).toBeNull();
  });

  test("unresolved errors grouped by stage and reason, biggest first", async () => {
    const groups = await cycleErrorGroups(cycleId);
    expect(groups.map(({ stage, reason, count }) => ({ stage, reason, count }))).toEqual([
      { stage: "GENERATE", reason: "timeout", count: 2 },
      { stage: "GENERATE", reason: "http-400", count: 1 },
    ]);
    expect(groups[0]?.sampleMessage).toMatch(/no reply/);
  });

  test("a running training job's log is read live from its backend; a finished one's as stored", async () => {
    const backend = await prisma().backend.create({
      data: { name: `${tag}-ray`, role: "TRAINING", protocol: "simulator-ray", baseUrl: sim.url, isSimulator: true },
      select: { id: true },
    });
    const client = createTrainingBackend({ kind: "simulator-ray", baseUrl: sim.url });
    const { jobId } = await client.submit({
      submissionId: `${tag}-job`,
      cycleIndex: 1,
      configPath: "/shared/cfg.yaml",
      outputDir: "/shared/out",
    });
    await prisma().trainingRun.createMany({
      data: [
        {
          cycleId,
          attempt: 1,
          backendId: backend.id,
          backendJobId: "old",
          status: "FAILED",
          logTail: "line 1\nline 2\nCUDA out of memory",
          error: "OOM",
        },
        { cycleId, attempt: 2, backendId: backend.id, backendJobId: jobId, status: "RUNNING" },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the simulated job writes its log as it runs
    const runs = await cycleTrainingRuns(cycleId);
    expect(runs.map((run) => [run.attempt, run.status, run.logSource])).toEqual([
      [2, "RUNNING", "backend"],
      [1, "FAILED", "stored"],
    ]);
    expect(runs[0]?.simulated).toBe(true);
    expect(runs[0]?.logTail?.length).toBeGreaterThan(0);
    expect(runs[1]?.logTail).toContain("CUDA out of memory");
  });

  test("a Slurm job whose log this app cannot read says so instead of showing no log", async () => {
    const other = await createRunWithCycles(`${tag}-slurm`, 1, "GENERATING");
    const slurmCycle = other.cycleIds[0]!;
    const backend = await prisma().backend.create({
      data: {
        name: `${tag}-slurm`,
        role: "TRAINING",
        protocol: "slurm",
        // Unreachable on purpose: nothing may be asked of it to say that the log is out of reach.
        baseUrl: "http://127.0.0.1:9",
        config: { userName: "vstar", workingDirectory: "/shared/vstar", secretEnv: "VSTAR_TEST_SLURM_JWT" },
      },
      select: { id: true },
    });
    process.env.VSTAR_TEST_SLURM_JWT = "jwt";
    await prisma().trainingRun.create({
      data: { cycleId: slurmCycle, attempt: 1, backendId: backend.id, backendJobId: "4242", status: "RUNNING" },
    });
    const [run] = await cycleTrainingRuns(slurmCycle);
    expect(run).toMatchObject({ logSource: "none", logTail: null, logError: null });
    expect(run?.logUnavailable).toMatch(/job 4242's log on the cluster \(in \/shared\/vstar, .*backend setting sharedFilesystem/);
  });

  test("the training data figures count the verified answers audits left out of the training export", async () => {
    const other = await createRunWithCycles(`${tag}-audited`, 1);
    const audited = other.cycleIds[0]!;
    const [q0, q1, q2] = questionIds as [number, number, number];
    const [hallucinated, overruled, confirmed, failed, kept, rationalization] = (await createGenerations(audited, [
      { questionId: q0, sampleIndex: 0, passed: true },
      { questionId: q0, sampleIndex: 1, passed: true },
      { questionId: q1, sampleIndex: 0, passed: true },
      { questionId: q1, sampleIndex: 1, passed: false },
      { questionId: q2, sampleIndex: 0, passed: true },
      { questionId: q2, mode: "RATIONALIZATION", passed: true },
    ])) as [number, number, number, number, number, number];
    const rater = await createAuditor(tag);
    const adjudicator = await createAuditor(tag);
    await createAudit(hallucinated, rater, "HALLUCINATED", false);
    await createAudit(overruled, rater, "HALLUCINATED", false);
    await createAudit(failed, rater, "HALLUCINATED", false);
    await createAudit(kept, rater, "CORRECT", true);
    await createAudit(rationalization, rater, "HALLUCINATED", false);
    await prisma().adjudication.createMany({
      data: [
        { generationId: overruled, userId: adjudicator, verdict: "CORRECT" },
        { generationId: confirmed, userId: adjudicator, verdict: "HALLUCINATED" },
      ],
    });
    // Before curation: counted over the modes a training cycle takes (answers and rationalizations).
    expect((await cycleProgress(audited, new Date(), "test-1"))?.trainingData).toEqual({ curated: null, leftOutByAudits: 3 });
    await prisma().cycle.update({
      where: { id: audited },
      data: { metrics: { curation: { directOnly: true, examples: { answers: 2, rationalizations: 0, total: 2 } } } },
      select: { id: true },
    });
    // Direct answers only: the hallucinated one and the adjudicated one; the overruled answer stays in, the failed one never was.
    expect((await cycleProgress(audited, new Date(), "test-1"))?.trainingData).toEqual({
      curated: { answers: 2, rationalizations: 0, total: 2, directOnly: true },
      leftOutByAudits: 2,
    });
  });
});
